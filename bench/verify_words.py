"""The words the verifier benchmark's invented newsroom writes with.

Real English words, so that the archive has the word frequencies, shared vocabulary and stock
phrases of real news (the things that make candidate search hard), and invented people, places
and outlets, so that nothing is copied from anyone's articles. Everything is embedded here: the
benchmark downloads nothing and reads no corpus.

Lists are written in the order they came to mind; the generator shuffles each one with its
seed and draws from it with Zipf-like weights, so a few words are common and most are rare.
"""

from __future__ import annotations


def _words(block: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(block.split()))


def _more(words: tuple[str, ...], block: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*words, *block.split())))


def _lines(block: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in block.strip().splitlines() if line.strip()))


#: Countable nouns of public life, in the singular (plurals are made by rule, see PLURALS).
NOUNS = _words("""
    people family families community neighbourhood town city village county region country nation
    state government council committee board parliament assembly party minister mayor leader
    official officer worker employer union member voter resident citizen taxpayer parent child
    student teacher pupil doctor nurse patient driver passenger commuter farmer fisherman owner
    tenant landlord shopkeeper customer business company firm factory plant warehouse office shop
    market harbour port dock ferry bridge road street motorway railway station line route bus
    train tram airport runway flight plane ship vessel cargo container truck lorry van car bike
    school college university classroom library hospital clinic ward surgery pharmacy ambulance
    court judge jury lawyer case trial verdict sentence appeal inquiry investigation report review
    audit survey study poll vote election campaign candidate seat majority coalition opposition
    debate motion bill law rule regulation policy plan proposal scheme programme project strategy
    budget deficit tax rate fee fare price cost bill wage salary pension benefit grant loan debt
    fund account contract deal agreement offer settlement compromise strike walkout protest rally
    march petition demand complaint grievance concern question answer promise pledge commitment
    decision choice option alternative solution problem crisis emergency disaster accident
    incident attack threat risk danger warning alarm signal sign message letter statement speech
    interview announcement briefing meeting session hearing conference summit talk negotiation
    dispute row conflict fight battle war peace ceasefire truce victory defeat loss win result
    score record target goal ambition vision mission priority value principle right duty
    responsibility obligation freedom standard quality level amount number figure percentage share
    increase rise cut reduction fall drop shortage surplus gap difference change reform overhaul
    shift move step measure action response reaction approach method process system network
    service facility building house home flat apartment estate block tower site area zone district
    ground field park garden beach coast river lake sea island valley hill forest farm land
    property development construction repair renovation upgrade expansion closure opening launch
    job career shift rota contractor supplier partner investor shareholder director manager
    executive chairman chairwoman president chief spokesperson adviser expert analyst economist
    scientist researcher engineer architect planner inspector regulator watchdog agency authority
    department ministry institution organisation charity foundation group association society
    club team league match season game player coach fan supporter stadium trophy title
    newspaper reporter journalist editor article story headline column broadcast programme show
    film book song artist musician festival concert exhibition museum gallery theatre audience
    church mosque temple priest volunteer donor neighbour friend colleague rival critic opponent
    ally supporter partner generation youth pensioner veteran soldier officer sergeant detective
    victim witness suspect prisoner prison cell sentence fine penalty charge arrest raid search
    border visa permit licence application form deadline date week month year decade century
    morning evening night weekend holiday summer winter spring autumn day hour minute moment
    future past history tradition heritage culture identity language voice story lesson mistake
    failure success achievement progress milestone turning breakthrough setback challenge
    opportunity chance hope fear anger frustration disappointment concern worry pressure stress
    mood feeling view opinion position stance argument claim allegation accusation rumour
    evidence proof fact truth lie error detail document file email text call phone computer
    website platform app database server code device machine robot tool equipment vehicle engine
    battery charger panel turbine pipeline cable grid meter pump tank well dam reservoir canal
    flood storm drought fire heatwave wind rain snow ice wave tide weather climate season
    environment emission pollution waste rubbish recycling bin landfill plastic chemical oil gas
    coal fuel energy power electricity bill supply demand export import trade tariff economy
    recession inflation growth recovery boom bubble market stock bond currency bank lender
    mortgage rent deposit saving income profit revenue loss bonus dividend payout subsidy
    """)


#: More nouns, from the rest of the paper: they give the archive the long tail of words that
#: appear in few quotations, which is what lets anyone find a quotation among millions.
NOUNS = _more(
    NOUNS,
    """
    abbey academy accent acre activist actor adult advert affair afternoon agenda aid aircraft
    aisle album alley allowance alliance ambassador anniversary apology appetite apprentice
    apprenticeship arena arm army arrangement arrival arrow aspect asset assistant athlete
    atmosphere attempt attendance attitude attorney auction author autumn avenue award baby
    backbone backlog badge bag bakery balcony ballot band bandwidth banner bar bargain barrel
    barrier basement basin basket bath battalion bay beam bean bear bed bedroom beer bell belt
    bench bicycle bid billboard bird birthday biscuit blade blanket blaze blessing blind blog
    blood blow blueprint boat body bolt bomb bone bonus booklet boot booth border bottle bottom
    boundary bowl box boy brain branch brand bread breakfast brick bride brigade broadband
    brochure brother bucket buffer bug bull bulletin bunker bureau burden burglar bush butcher
    button cabin cabinet cafe cage cake calendar camera camp canal cancer cap capacity capital
    captain caravan carbon card carpet carriage cartoon cash castle cat catalogue cathedral
    cause cave ceiling celebration cellar cemetery centre ceremony certificate chain chair
    chamber champion channel chapel chapter character charity chart chef chest chicken chimney
    chip chorus cinema circle circuit civilian claimant clash class clause clerk cliff clinic
    clock cloud clue coach coalition coat code coffee coin collapse collar colleague colony
    column comedy comment commission commissioner commodity compensation competition
    complaint component compound computer concept concession condition conductor confession
    confidence congregation consensus consequence conservative constable constituent consumer
    contest context contractor convention conversation convoy cook cooker copy corner
    corporation corridor cottage cotton couple courage courier course cousin cow crack craft
    crane crash cream creature credit creditor crime crop crowd crown cruise cup cupboard cure
    curfew curtain cushion custom cycle cyclist dairy dancer dawn dealer death debris decline
    deer default defendant delegate delegation delivery democracy demonstration dentist deputy
    desert desk destination detention diary diet dinner diplomat directive disability
    discipline discount discovery disease dish display distance ditch diversion dividend
    doctrine dog doll dome donation door dose draft dragon drain drama drawer dream dress
    drill drink drone duck dust duty eagle earnings earthquake edge editor effort egg elbow
    elder electorate elephant elevator embassy emergency empire engineer enterprise entrance
    envelope epidemic episode era estate ethic exam exception exchange excuse exhibit exile
    expedition experiment explosion exposure extension eye fabric face faculty fairground
    fame fan farmhouse fashion fault favour feast feature federation fence ferry festival fever
    fiction fighter finance finger fireworks fisher flag flame flat fleet flesh flower fog
    folder folk food fool football footpath forecast fortune forum fountain fox fraction frame
    franchise fraud friendship frontier fruit funeral fur gallery gang garage gate gauge gear
    gene generator genius gesture ghost gift girl glass glove goat gold golf governor gown
    grade graduate grain grandmother grant grass grave gravel greenhouse grocer guard guest
    guide guideline guitar gun gym habit hair hall hammer hand handbook harvest hat hazard head
    headquarters heart heater hedge helicopter helmet hero highway hint hobby hole honour hook
    horizon horn horse hospice host hostage hotel household hunger hunter hurricane husband
    hut icon idea illness image immigrant impact income index industry infant inhabitant
    injury ink inn inquest insect instinct institute instruction instrument insurer intake
    interval invasion invention inventory invoice iron island item jacket jail jam jet jewel
    joke journey joy juice junction jurisdiction kettle key keyboard kid kidney king kingdom
    kitchen kite knee knight label laboratory labour ladder lady lamp landmark landscape lane
    laptop laughter lawn layer leaflet league leak lease leather lecture legacy legend leisure
    lender lens liability liberty licence lid lift light limb linen lion lip liquid list
    literature litre loan lobby lock lodge log lorry lottery lounge luggage lunch machinery
    magazine magistrate magnet maid mailbox majority mall manager manor manuscript map marathon
    marble margin marina marriage mask mast master mat match mattress mayor meal meadow meat
    medal media medicine memo memorial menu merchant mess metal microphone midnight mile
    militia mill mine miner minority mirror missile mob mode model monarch monastery monitor
    monk monster monument moon mortgage mother motor motto mountain mouse mouth movement mud
    mug murder muscle mushroom myth nail nap narrative navy neck needle nest net niece noise
    note notebook notice novel nurse nursery oak oath obstacle occasion ocean offender
    offspring operator orchestra organ orphan outbreak outcome outlet oven overdraft ownership
    pace package packet page pain painter painting palace pan panel pantry paper parade
    parcel parish parking parliament passage passport password pasture path patrol pattern
    pavement pay peak peasant pedestrian pen penny pension pepper performer perfume permit
    pet petrol phase philosophy photo photographer physician piano picnic picture pie pier
    pig pill pillar pilot pipe pit pitch plague plain planet plaque plate platform playground
    plea plot plug pocket poem poet pole pond pool porch portrait post postcard poster pot
    pottery pound powder prayer precinct premises premium prescription presence press pride
    prince princess print priority prize probe producer profession professor profile program
    prohibition promotion prophet prosecutor prospect province pub pudding pulse pumpkin
    pupil puppet purchase puzzle quarry quarter queen queue quiz quota rabbit race radar
    radio raft rail railing ramp ranch range rank rat ratio raw reader realm rebel receipt
    recipe referee referendum refuge refugee refund regiment rehearsal relative relief
    remark remedy rental reporter republic reputation rescue reserve resort restaurant
    retailer retreat rhythm rib ribbon rice ride ridge rifle ring riot ritual robbery rock
    rocket rod roof room root rope rose round row royalty rug ruin rumour runner sack saddle
    sailor saint salad sale salmon salt sample sanction sand sandwich satellite sauce scale
    scandal scar scene schedule scholar scholarship screen screw script sculpture seal
    seaside secret secretary sector seed seminar senate senator sensor sentiment sequence
    sergeant servant session settlement settler shade shadow shareholder shark sheet shelf
    shell shelter sheriff shield shirt shoe shore shortage shoulder shower shrine sibling
    sidewalk siege sight silence silk silver singer sink sister skill skin skirt skull sky
    slave sleeve slice slogan slope slot smoke snack soap sock sofa soil soldier song soul
    soup source space spade speaker spectator speed spell spider spirit spokesman sponsor
    spoon sport spot spray square squad stable stadium staircase stake stall stamp star
    statue steam steel stem step stick stomach stone stool storage store stove stranger straw
    stream strength string stripe studio stuff subject submarine suburb subway suit suitcase
    summit sun supermarket surface surgeon surplus suspect swamp sword symbol symptom tablet
    tactic tail tale tank tape taste tavern tea tear telescope television temperature temple
    tenant tendency tennis tent terminal territory terror textbook texture theatre theft
    theme theory therapy thread throat throne thumb ticket tide tie tiger tile timber tip
    tissue toast toilet toll tomato tomb ton tongue tooth topic torch tourist tournament towel
    toy trace track tractor trader tragedy trail trailer trainee transcript transfer trap tray
    treasure treaty tree trench tribe tribunal trick trip trolley troop trophy trousers truck
    trunk tube tuition tune tunnel tutor twin tyre umbrella uncle uniform unit universe
    upgrade valley van vase vault vegetable veil venue verse vessel veteran vice victim
    village villain vine violin visitor volunteer voyage wagon waiter wall wallet wardrobe
    warehouse warrior wave wealth weapon wedding weed wheel whistle widow width wife window
    wine wing winner wire wolf wood wool worker workshop wound wreck wrist yacht yard youth zoo
    """,
)

#: Nouns that take no plural in news English.
MASS_NOUNS = frozenset(
    _words("""
    information evidence money advice research equipment news traffic housing funding healthcare
    staff police public weather water electricity pollution unemployment inflation education
    transport justice safety security progress knowledge software legislation infrastructure
    welfare trust respect support help work time growth recovery waste rubbish recycling energy
    power coal oil gas fuel trade land history heritage culture climate demand supply faith
    damp mould homelessness affordability rainfall sewage litter milk wildlife conservation
    logistics relegation heritage tuition automation overtime arbitration insulation custody
    probation cattle machinery laughter literature luggage silk steel wool leather cotton dust
    fur gold silver iron salt sand smoke soap rice meat bread blood coffee tea wine beer juice
    linen marble media mud petrol pottery powder steam straw stuff terror timber fame hunger
    labour leisure liberty wealth courage broadband carbon cash fiction fashion philosophy
    therapy parking
    """)
)

IRREGULAR_PLURALS = {
    "child": "children", "person": "people", "man": "men", "woman": "women", "crisis": "crises",
    "analysis": "analyses", "chairman": "chairmen", "chairwoman": "chairwomen",
    "fisherman": "fishermen", "life": "lives", "wife": "wives", "shelf": "shelves",
    "thief": "thieves", "half": "halves", "foot": "feet", "tooth": "teeth",
    "knife": "knives", "sheep": "sheep", "cod": "cod", "herring": "herring", "people": "people",
    "police": "police", "series": "series", "species": "species", "wolf": "wolves",
    "mouse": "mice", "deer": "deer", "premises": "premises", "headquarters": "headquarters",
    "trousers": "trousers", "fireworks": "fireworks", "earnings": "earnings",
    "aircraft": "aircraft", "offspring": "offspring", "hero": "heroes", "tomato": "tomatoes",
}  # fmt: skip


def _nouns(block: str) -> tuple[str, ...]:
    """Nouns, some of two words joined by "_": "waiting_list"."""
    return tuple(word.replace("_", " ") for word in _words(block))


#: Words that belong to one beat: an article about the strike talks of wages and picket lines.
TOPICS: dict[str, tuple[str, ...]] = {
    "strike": _nouns("""picket_line wage walkout shift dockworker overtime ballot mandate employer
        negotiator pay_offer union automation crane terminal roster grievance arbitration"""),
    "housing": _nouns("""rent tenant landlord eviction mortgage estate flat repair damp mould
        waiting_list developer planning_permission affordability deposit homelessness shelter"""),
    "health": _nouns("""hospital ward nurse doctor waiting_list ambulance surgery bed patient
        appointment vaccine outbreak clinic pharmacy prescription consultant midwife diagnosis"""),
    "schools": _nouns("""school pupil teacher classroom exam curriculum headteacher term
        playground uniform canteen timetable inspection grade tuition bursary lesson"""),
    "transport": _nouns("""bus train tram fare timetable station platform commuter route delay
        cancellation signal track depot ticket bridge motorway roadworks pothole ferry"""),
    "budget": _nouns("""budget deficit tax rate spending cut council grant reserve audit
        borrowing surplus forecast treasury allocation precept levy overspend"""),
    "election": _nouns("""election ballot voter candidate seat turnout poll campaign manifesto
        constituency recount debate polling leaflet canvasser majority coalition"""),
    "flooding": _nouns("""flood river bank sandbag pump drain storm tide barrier defence surge
        evacuation rainfall warning insurance culvert embankment reservoir"""),
    "energy": _nouns("""turbine grid pipeline battery meter tariff supplier outage substation
        solar_panel heat_pump kilowatt emission boiler insulation generator"""),
    "crime": _nouns("""police officer detective arrest suspect witness victim charge burglary
        patrol warrant custody sentence probation knife raid investigation"""),
    "environment": _nouns("""pollution emission river sewage_outfall landfill recycling habitat
        wildlife forest meadow species conservation wetland beach litter permit discharge"""),
    "business": _nouns("""factory plant investor shareholder profit revenue merger takeover
        layoff redundancy supplier contract export order warehouse logistics"""),
    "sport": _nouns("""club stadium match season league player coach fan trophy transfer
        relegation promotion squad injury referee ticket supporter"""),
    "culture": _nouns("""museum gallery theatre festival library concert exhibition artist
        audience archive collection heritage venue performance funding"""),
    "farming": _nouns("""farm farmer harvest crop cattle sheep milk subsidy fertiliser field
        barn tractor drought livestock orchard market price"""),
    "fishing": _nouns("""fisherman trawler quota catch harbour vessel net cod herring licence
        skipper crew landing market processor fleet"""),
}

#: Verbs that take an object, as the base form, or "base/past/-ing" where the rules in
#: verify_data would go wrong.
VERBS = _words("""
    accept achieve add address admit/admitted/admitting allow announce answer apply approve
    argue arrange ask attack attend avoid back balance ban/banned/banning become/became/becoming
    begin/began/beginning believe benefit block borrow break/broke bring/brought build/built
    buy/bought call cancel/cancelled/cancelling carry change charge check choose/chose/choosing
    claim clean clear close collect commit/committed/committing compare complete concern confirm
    consider consult contact continue control/controlled/controlling cost/cost count cover
    create criticise cross cut/cut/cutting damage debate decide declare defend delay deliver
    demand deny deserve design destroy develop discover discuss dismiss do/did/doing double
    drop/dropped/dropping earn ease educate elect employ enable encourage end endorse enforce
    engage enjoy ensure enter establish estimate evacuate examine expand expect explain explore
    express extend face fail feed/fed feel/felt fight/fought fill find/found finish fix focus
    follow force forget/forgot/forgetting freeze/froze fund gather get/got/getting
    give/gave/giving govern grow/grew guarantee handle hear/heard help hire hold/held hurt/hurt
    identify ignore imagine implement improve include increase inform inspect install introduce
    invest investigate involve issue join judge keep/kept kill know/knew lack launch lead/led
    learn leave/left lend/lent lift limit lose/lost love maintain make/made manage mark
    mean/meant measure meet/met mention miss monitor move need negotiate notice offer open
    operate oppose order organise own pass pay/paid perform permit/permitted/permitting
    persuade pick plan/planned/planning play pledge prepare present preserve press prevent
    produce promise promote propose protect protest prove provide publish pull punish push
    put/put/putting question raise reach read/read realise receive recognise recommend record
    recover reduce reflect reform refuse regret/regretted/regretting reject release remember
    remove repair repeat replace report represent require rescue resist resolve respect restore
    restrict reveal review reward risk rule run/ran/running save secure see/saw/seeing
    seek/sought sell/sold send/sent serve settle share shut/shut/shutting sign solve
    spend/spent start stop/stopped/stopping strengthen study/studied submit/submitted/submitting
    suffer suggest supply support survive suspend sustain take/took/taking target
    teach/taught test thank threaten tackle tolerate train transform treat trust try/tried
    understand/understood undermine unite urge use value visit waste watch weaken welcome
    win/won/winning withdraw/withdrew worry/worried write/wrote/writing
    """)

VERBS = _more(
    VERBS,
    """
    abandon abolish absorb abuse accelerate accommodate accompany accumulate accuse acknowledge
    acquire adapt adjust administer admire adopt advertise advise advocate afford aid alert
    allocate alter amend amuse analyse anticipate apologise appoint appreciate approach assemble
    assert assess assign assist assume assure attract audit authorise award bake bar/barred/barring
    bargain battle bear/bore beat/beat bend/bent bet/bet/betting betray bid/bid/bidding bind/bound
    bite/bit blame bless blow/blew boast boost bother bounce brief broadcast/broadcast burn bury
    calculate calm capture cast/cast catch/caught celebrate chair challenge chase cheat cheer
    circulate cite clarify classify climb coach combine comfort command commission communicate
    compensate compile compose comprise compromise conceal concede conclude condemn conduct
    confess confine confront confuse congratulate connect conquer conserve consolidate construct
    consume contain contemplate contest contract contradict convert convey convict convince
    cook coordinate copy correct corrupt counter craft crash credit crush cultivate cure curb
    dare deceive decline decorate dedicate defeat defer/deferred/deferring define delegate
    delete demolish demonstrate denounce deploy deposit deprive derive descend describe desert
    detect determine devise devote diagnose dig/dug/digging direct disappoint discard
    disclose discourage disguise dismantle dispatch display dispose dispute disrupt distinguish
    distort distract distribute disturb divert divide document dominate donate downgrade
    drag/dragged/dragging
    drain draw/drew dread dress drink/drank drive/drove/driving drown dump duplicate echo edit
    elevate eliminate embrace emphasise empty endanger endure energise enhance enlarge enrich
    enrol/enrolled/enrolling entertain entitle equip/equipped/equipping erase erect escape
    evaluate evade exaggerate exceed exchange exclude excuse execute exercise exhaust exhibit
    expel/expelled/expelling exploit export expose fasten favour feature fetch file finance
    fire flag/flagged/flagging flatter flood fold forbid/forbade/forbidding forecast/forecast
    forgive/forgave/forgiving form formulate foster frame frighten frustrate
    fulfil/fulfilled/fulfilling
    furnish generate grab/grabbed/grabbing grant grasp greet grip/gripped/gripping guard
    guide halt hammer hang/hung harm harvest hate haunt heal heat highlight hinder honour host
    house hunt illustrate imitate impose impress imprison incorporate indicate induce infect
    inflict influence inherit inhibit initiate inject injure inspire instruct insult insure
    integrate intend intercept interpret interrupt interview invade invent invite isolate
    jeopardise justify kick kidnap/kidnapped/kidnapping knock label lay/laid lease license
    light/lit link load loan locate lock lower manipulate manufacture map/mapped/mapping market
    master match merge mislead/misled mobilise modify motivate mount negotiate nominate
    nourish nurse obey obscure observe obtain occupy offend omit/omitted/omitting outline
    outweigh overcome/overcame/overcoming overlook overrule oversee/oversaw/overseeing
    overturn owe pack paint pardon park part patrol/patrolled/patrolling pause penalise
    perceive persecute pitch place plant plead please plot/plotted/plotting poison polish poll
    portray pose possess post postpone pour praise pray predict prefer/preferred/preferring
    prescribe price print prioritise privatise probe process procure profit programme
    prohibit project prolong prompt pronounce prop/propped/propping prosecute prosper provoke
    pursue qualify quantify quote race rally rank rate ratify rebuild/rebuilt recall reckon
    reclaim recruit rectify redeem redesign redirect refine refresh refund register regulate
    rehearse reinforce reinstate relieve relocate remedy remind render renew renovate rent
    reorganise replicate rescind reserve reset/reset/resetting reshape reside resume retain
    retire retrieve reverse revise revive revoke rob/robbed/robbing roll rotate sack sacrifice
    salute sample sanction satisfy scan/scanned/scanning scare schedule score
    scrap/scrapped/scrapping
    screen scrutinise seal search seize select separate shape shelter shift shock shoot/shot
    shorten shout show shrink/shrank sideline silence simplify sink/sank skip/skipped/skipping
    slash slow smash sort spare sponsor spread/spread stabilise staff stage stamp steal/stole
    steer stimulate stir/stirred/stirring store strike/struck strip/stripped/stripping
    subsidise substitute summarise summon supervise supplement suppress surrender surround
    survey suspect swap/swapped/swapping switch tax tear/tore tempt terminate thank tighten
    tip/tipped/tipping top/topped/topping total/totalled/totalling touch tour trace track trade
    transfer/transferred/transferring translate transmit/transmitted/transmitting transport
    trap/trapped/trapping trigger trim/trimmed/trimming triple trouble uncover underline
    undertake/undertook/undertaking unveil update upgrade uphold/upheld upset/upset/upsetting
    validate vary verify veto/vetoed/vetoing view violate wash weigh widen wind/wound wipe
    witness wound wrap/wrapped/wrapping
    """,
)

#: Verbs without an object: "the talks will continue", "we will not wait".
INTRANSITIVE_VERBS = _words("""
    act agree appeal arrive campaign come/came/coming compete complain cooperate cope
    disagree fall/fell go/went happen insist listen matter object proceed react reply respond
    rise/rose/rising succeed struggle talk wait resign vote work stand/stood speak/spoke return
    stay remain give/gave/giving improve recover grow/grew
    """)

#: Verbs that take a clause: "we believe the council will listen".
THINKING_VERBS = _words("believe think know hope expect fear feel suspect understand doubt")

ADJECTIVES = _words("""
    able absolute acceptable active actual additional adequate affordable afraid angry annual
    anxious appropriate available aware bad basic beautiful best better big bitter bold brave
    brief bright broad broken busy careful central certain cheap clean clear close cold
    comfortable common competitive complete complex concerned confident constant constructive
    careless coastal critical crucial current dangerous dark dead deep definite deliberate
    democratic desperate determined difficult direct dirty disappointing disastrous distant
    domestic dramatic early easy economic effective efficient elderly emotional empty entire
    environmental equal essential even excellent exceptional existing expensive extra extreme
    fair false familiar famous fast fierce final financial fine firm flexible foreign formal
    former fragile free frequent fresh frustrated full fundamental funny general generous gentle
    genuine global good grateful great green grim growing guilty happy hard harsh healthy heavy
    helpful high historic honest hopeful horrible huge human hungry ideal illegal immediate
    important impossible independent industrial inevitable informal innocent international
    invisible irresponsible isolated key kind large late latest legal legitimate limited local
    lonely long loud low loyal main major meaningful medical mental minor modern modest moral
    national natural necessary negative nervous new normal obvious official old open ordinary
    outrageous overwhelming painful particular patient peaceful perfect permanent personal
    physical plain pleasant political poor popular positive possible powerful practical precious
    pregnant present previous private productive professional proper proud public quick quiet
    radical rare ready real reasonable recent regional regular relevant reliable remarkable
    remote responsible rich right rural sad safe scared secure senior sensible serious severe
    shameful sharp short significant silent simple sincere single small smart social solid
    special specific stable strong structural stubborn substantial successful sudden sufficient
    suitable sure sustainable temporary terrible thankful tight tiny tough traditional tragic
    transparent true typical ugly unacceptable uncertain unclear unfair unhappy unique united
    unknown unnecessary unpopular unprecedented unreasonable unsafe upset urban urgent useful
    usual valuable various vital vulnerable warm weak wealthy welcome whole wide wild willing
    wise wonderful worried worse worst wrong young
    """)

ADJECTIVES = _more(
    ADJECTIVES,
    """
    abandoned absent abstract abundant academic accurate accused accustomed acute adjacent
    administrative adult advanced adverse aggressive agricultural alarming alert alive alleged
    alternative amateur ambitious ample ancient anonymous apparent arbitrary armed artificial
    ashamed asleep astonishing automatic autonomous average awful awkward bare beloved
    beneficial bilateral binding bizarre blank blind blunt boring bound brilliant bureaucratic
    calm capable casual catastrophic cautious ceremonial charming cheerful chronic civic civil
    classic clever clinical collective colonial colourful commercial compact compulsory
    conditional confidential consecutive conservative considerable consistent
    constitutional contemporary controversial conventional cooperative corporate corrupt costly
    countless courageous creative criminal crowded cruel cultural curious customary cynical
    daily damp decent decisive defensive deficient delicate delighted dense dependent deputy
    desirable detailed devastating devoted diplomatic disabled disciplined discreet dismal
    distinct divided dizzy doubtful downstream dry dual dubious due dull dusty dutiful dynamic
    eager eastern ecological editorial educational elaborate elected electoral electric
    elegant eligible embarrassing emerging eminent endless energetic enormous enthusiastic
    epic ethical ethnic everyday evident exact excessive exciting exclusive exhausted exotic
    expert explicit exposed external faint faithful fatal favourable fearful federal feeble
    fertile fictional filthy finite fiscal fixed flat fluent foolish forced forgotten formidable
    fortunate frail frantic fraudulent frightened frozen fruitful furious futile gifted
    glorious golden gradual grand graphic grave greedy grey gross handsome hasty hazardous
    hidden hollow homeless hostile humble hypothetical icy identical idle ignorant ill
    illegitimate imaginary immense imminent impartial imperial implicit impressive improper
    inadequate inappropriate incapable incoming incompetent inconsistent incredible indirect
    indoor industrious inexpensive infamous inferior influential initial injured inland
    innovative insecure insufficient intact intellectual intense intensive intentional
    interim internal intimate invalid ironic irregular joint judicial junior just juvenile keen
    labour landmark lasting lavish lawful lazy leading lean legendary lengthy lethal liberal
    lifelong light likely literal lively logical loose lucky lucrative magnificent mandatory
    manual marginal marine maritime marked massive mature maximum meagre mechanical memorable
    mere merry mighty mild militant military minimal minimum miserable misleading mobile
    moderate monetary monthly mortal multiple municipal musical mutual mysterious naive narrow
    nasty native naval neat needless negligent neighbouring neutral noble nominal notable
    notorious novel nuclear numerous obscure obsolete occasional offensive ongoing operational
    optimistic optional organic orderly outdoor outstanding overdue overseas partial passive
    pastoral patriotic peculiar pending persistent petty plausible polite poor portable potent
    predictable preliminary premature prestigious prime principal prior probable profitable
    profound progressive prominent prompt prosperous protective provincial provisional prudent
    punitive pure puzzled qualified racial rapid rational raw reckless reformed regulatory
    relentless reluctant renewable repeated residential resilient respectable restless
    restrictive retired revolutionary rigid rival robust rough routine royal rude ruthless
    sacred satisfactory scarce scattered sceptical scenic secondary secret sectarian selective
    sensitive separate sheer shocking shy sick sinister skilled slim slight sloppy smooth
    sober soft solar sole sombre sophisticated sore sound sovereign spare spectacular spiritual
    splendid spontaneous sporting stark static statutory steady steep sticky stiff strange
    strategic strict striking subtle suburban superb superior supportive supreme surplus
    surprising suspicious sweeping swift symbolic sympathetic systematic tactical talented
    tame technical tedious tender tense territorial thick thin thorough thoughtful
    threatening tidy timely tired tolerant toxic tranquil tremendous tropical troubled
    turbulent unaware unbearable unchanged uncomfortable unconscious underground
    understandable uneasy unemployed unequal unexpected unfinished unfortunate uniform
    unlawful unlikely unpaid unstable unsure untrue unusual unwilling upcoming upper uptight
    vacant vague vain valid vast verbal vibrant vicious vigilant violent virtual visible
    visual vivid voluntary wary wasteful weekly weird western wet wicked widespread wooden
    workable worthwhile worthy wounded yearly youthful zealous
    """,
)

ADVERBS = _words("""
    absolutely actually again almost already also always badly barely certainly clearly
    completely constantly currently deeply definitely deliberately desperately directly easily
    effectively entirely especially eventually exactly extremely fairly finally firmly frankly
    fully genuinely gradually greatly hardly heavily honestly hopefully immediately increasingly
    incredibly instead largely lately literally mostly naturally nearly never now obviously often
    only openly originally particularly partly perfectly personally possibly potentially
    precisely previously probably properly quickly quietly rarely really recently regularly
    relatively repeatedly rightly seriously sharply significantly simply slowly sometimes soon
    specifically steadily still strongly suddenly surely thoroughly totally truly ultimately
    unfortunately urgently usually virtually widely
    """)

ADVERBS = _more(
    ADVERBS,
    """
    abroad accordingly admittedly alarmingly allegedly altogether annually apparently
    arguably awfully briefly broadly calmly carefully casually cautiously cheerfully
    closely collectively commonly comparatively consistently correctly crucially daily
    dearly decisively dramatically drastically duly equally essentially evidently
    excessively explicitly fiercely firstly formally formerly freely gently gladly
    happily hastily hugely ideally independently inevitably informally initially jointly
    legally locally loudly mainly merely mildly modestly monthly mutually narrowly
    nationally necessarily newly nonetheless notably openly overly painfully partially
    patiently permanently plainly politely poorly presumably primarily privately promptly
    publicly purely readily reasonably reluctantly remarkably reportedly respectively
    roughly sadly safely secretly separately severely shortly sincerely solely strictly
    subsequently substantially sufficiently temporarily terribly thankfully tightly
    typically unanimously understandably unexpectedly uniquely unnecessarily vastly
    vigorously voluntarily warmly weekly wholly wildly wisely wrongly yearly
    """,
)

NUMBERS = _lines("""
    two
    three
    four
    five
    six
    seven
    eight
    nine
    ten
    eleven
    twelve
    fourteen
    fifteen
    twenty
    thirty
    forty
    fifty
    a hundred
    dozens of
    hundreds of
    thousands of
    several
    many
    a few
    """)

TIME_UNITS = _words("days weeks months years decades")

WHEN = _lines("""
    next week
    this year
    by the end of the month
    on Monday
    on Friday
    in the spring
    before the summer
    tonight
    as soon as possible
    within a year
    for years
    right now
    this winter
    after the election
    before Christmas
    in the coming weeks
    by next year
    today
    last night
    in the long term
    """)

PREPOSITIONS = _words("""
    for about with against without from into across behind beyond under over after before
    during between among around through towards within despite
    """)

CONJUNCTIONS = _lines("""
    , and
    , but
    because
    , so
    and
    , while
    , although
    until
    unless
    even though
    """)

#: The phrases every newsroom prints weekly: they make near-duplicate quotations, as in real news.
STOCK_SENTENCES = _lines("""
    We will not back down
    Enough is enough
    This is not the end
    We are not going anywhere
    Our thoughts are with the families
    We take this very seriously
    Nothing is off the table
    Every option is on the table
    We will leave no stone unturned
    Lessons will be learned
    The system is broken
    We have done nothing wrong
    The door remains open
    Time is running out
    The numbers speak for themselves
    It is what it is
    We are in this together
    The buck stops with me
    Actions speak louder than words
    It was a difficult decision
    We will get this done
    This is a historic day
    We need answers
    I have no regrets
    We are listening
    This is unacceptable
    People are angry
    People are frightened
    The public deserves better
    We owe it to the next generation
    There is no plan B
    We will see you in court
    The ball is in their court
    We are cautiously optimistic
    This is just the beginning
    We want a fair deal
    We are not asking for much
    I am proud of what we have achieved
    We will do whatever it takes
    This was a wake-up call
    We have been here before
    Nobody is above the law
    Safety is our top priority
    We are doing everything we can
    I take full responsibility
    We must learn from this
    It is time to move on
    Our community is hurting
    We will rebuild
    This is a matter of principle
    The facts speak for themselves
    We stand by our decision
    Let the voters decide
    We are committed to transparency
    Trust has to be earned
    This is a tragedy
    No one should have to live like this
    We will keep fighting
    The clock is ticking
    We can do better
    We are ready to talk
    Talk is cheap
    The damage is done
    This will not happen again
    We were never consulted
    The timing could not be worse
    We have a plan
    Working families are paying the price
    I have never seen anything like it
    It is a disgrace
    We were left in the dark
    This is about fairness
    They have broken their promise
    We did everything by the book
    It is a step in the right direction
    It is too little too late
    We are not there yet
    The money is simply not there
    Nobody voted for this
    We are open for business
    It speaks volumes
    We have turned a corner
    This is a slap in the face
    We will not be silenced
    It is business as usual
    We cannot go on like this
    I am lost for words
    """)

#: Openers that lead into a sentence: "Let me be clear: ...".
STOCK_OPENERS = _lines("""
    At the end of the day
    Let me be clear
    Make no mistake
    Frankly
    To be honest
    With all due respect
    As I have said before
    In my view
    First and foremost
    Quite simply
    Going forward
    Once again
    Right now
    For the first time
    Put simply
    In the long run
    Sadly
    Above all
    Honestly
    Like I said
    At this stage
    In the meantime
    To put it bluntly
    As a matter of fact
    """)

#: Invented people are a first name from here and a surname from SURNAMES.
FEMALE_FIRST_NAMES = _words("""
    Ada Adaeze Agnes Aisha Alba Alina Amara Amelie Anouk Ayla Beatrix Bethan Brigid Calla Carys
    Cecily Celeste Clementine Dagny Dalia Delphine Dilys Edwina Eilidh Elif Elodie Elspeth Esme
    Farah Fenella Freya Gwen Hanne Harriet Hedda Ilse Imogen Inka Isadora Ines Jolene Juno Kamala
    Keziah Kirsi Lale Leonie Liesel Linnea Lorna Maeve Mairead Malin Marisol Meryl Mina Mirela
    Nadia Nell Nkechi Noor Odile Olwen Oona Orla Petra Philippa Priya Rhea Rosalind Ruth Saoirse
    Selin Sigrid Soraya Sunniva Tamsin Tilde Una Valeria Vesna Wilhelmina Ximena Yara Yasmin
    Zainab Zofia Zuri Greta Hild Maren Talia Ottilie Paloma Renske Svea Thandiwe Veda Wren
    """)

MALE_FIRST_NAMES = _words("""
    Abel Adebayo Aksel Alaric Amadou Anselm Arjun Arlo Barnaby Bastian Benedek Bram Caspian
    Cillian Conall Cosmo Dagfinn Dario Declan Desmond Dmitri Eamon Edgar Emeka Emrys Erland Ezra
    Fabian Farid Fergus Finlay Florian Gideon Gunnar Hamish Hakon Horatio Idris Ignatius Ivo
    Jarrah Jonas Joaquin Kasimir Kwame Lachlan Leopold Lorcan Lucan Magnus Malachy Matthias
    Mehmet Milo Nikolai Njal Oisin Olabode Osric Otto Pascal Pavel Quentin Rafferty Ragnar
    Rasmus Reuben Rohan Rufus Sami Soren Stellan Tadhg Thaddeus Tobias Torsten Ulrich Valentin
    Vikram Wendell Wilfred Yusuf Zeno Anders Bertil Cormac Dorian Elias Fintan Gareth Hugo Ivor
    """)

SURNAMES = _words("""
    Abernathy Achterberg Adeyemi Alcott Almeida Amundsen Arkwright Asante Bakshi Balogun
    Barrowman Beaumont Bellweather Bergquist Blackwood Boateng Bramall Brennock Brightwater
    Calloway Carrow Castellane Chidozie Clearwell Coldridge Corrigan Crowther Dahlgren
    Dankworth Delacroix Drummond Dunmore Eastwood Ekwueme Ellingham Elsworth Falconer Farrow
    Fairbairn Fenwick Fitzalan Fontaine Galbraith Garside Gillespie Gorecki Greenhalgh Gunnarsson
    Hallworth Halloran Hartigan Haverford Hazeldine Heathcote Holmqvist Hollister Huxtable
    Ibekwe Ingleby Iversen Jakobsen Jellicoe Jovanovic Kavanagh Kettering Kilbride Kowalczyk
    Lachance Langridge Larkspur Lindqvist Llewellyn Lockhart Lowther Lundgren Macready
    Mallinson Marchetti Marwick Mbeki Merriweather Moncrieff Mortimer Mulligan Nakashima Nesbitt
    Nightingale Northcott Nwosu Oakhurst Obuya Okonkwo Oldroyd Onyango Ortega Osterberg
    Pemberton Penhallow Petrakis Pilkington Quarshie Quennell Radcliffe Ravensworth Redfern
    Ringstad Rochester Rosenqvist Rowntree Saltonstall Sandoval Scarborough Sefton Shackleton
    Silverdale Sinclair Skarsgard Somerville Stanhope Strathearn Sundberg Tallis Tennant
    Thistlewood Thornbury Threlfall Trevelyan Tuffnell Underhill Urquhart Valcourt Vanterpool
    Varga Vasquez Wainwright Wakefield Warburton Westergaard Whitlock Wickham Winterbourne
    Wolstenholme Yardley Yeboah Zabala Zielinski Aldous Brackley Cadogan Daventry Eberhardt
    Fairweather Gatenby Harwood Illingworth Jessop Kerrigan Loxley Marlowe Netherby Ormerod
    Pargeter Quiller Rackham Stainforth Tregarthen Umberleigh Verity Wetherall Yelverton Zouche
    Achebe Bjornstad Castellanos Dragomir Esterhazy Fagerlund Grimaldi Haugland Iwuchukwu
    Janssen Kaminski Lindahl Mwangi Nakamura Oyelaran Pellegrini Rautio Szabo Takahashi Uchenna
    Vermeulen Wojcik Xu Yilmaz Zapata Okafor Mensah Haddad Novak Berglund Soto Katz Rahman
    """)

#: Invented towns: outlets are named after them, people are mayors of them.
PLACES = _lines("""
    Ashcombe
    Brackenridge
    Caldmoor
    Dunhollow
    Eastwick Vale
    Farrowdale
    Gallowmere
    Harrowgate Quay
    Ironbridge Heath
    Juniper Falls
    Kestrel Bay
    Lanternfield
    Marrowby
    Northwold
    Oakenshaw
    Pellingford
    Queensferry Reach
    Ravenscar Point
    Saltmarsh
    Thornwick
    Upper Aldbury
    Vennington
    Wexmoor
    Yarrowcliff
    Alderholt
    Blackwater Sound
    Coldharbour
    Draycott Fen
    Elmstead Cross
    Fernhollow
    Greystone Mills
    Hollowmere
    Ivybridge Hythe
    Kingsferry
    Larkhill Moor
    Millbrook Haven
    Netherfold
    Orchard Cove
    Port Carrick
    Redcliffe Sands
    Stonebury
    Tidewater
    Wolverbrook
    Amberleigh
    Bramblecote
    Cinderford Bay
    Eskdale Reach
    Glenmarrow
    """)

#: Outlet names are "The {place} {word}" or "{place} {word}".
OUTLET_WORDS = _words("""
    Gazette Courier Ledger Post Chronicle Herald Wire Times Sentinel Tribune Observer Record
    Dispatch Star Journal Examiner Bulletin Mercury Register Standard Echo Advertiser Messenger
    Mail Review Despatch Press
    """)

#: What the people of the archive are: "the harbour master", "a spokesperson for the council".
ROLES = _lines("""
    the mayor
    the council leader
    a councillor
    the union's president
    the union's general secretary
    a shop steward
    the chief executive
    the managing director
    a spokesperson for the council
    a spokesperson for the company
    the harbour master
    the headteacher
    a teacher
    a nurse
    the hospital's medical director
    a consultant surgeon
    the police chief
    a detective inspector
    the fire chief
    the transport secretary
    the health minister
    the finance minister
    the opposition leader
    a backbench MP
    the party chairwoman
    the party chairman
    an economist
    a professor of public policy
    a housing campaigner
    a tenant organiser
    a local resident
    a shop owner
    a fisherman
    a farmer
    a parent
    a student
    a pensioner
    the club's manager
    the team captain
    a festival organiser
    the museum director
    the chief constable
    a charity director
    the regulator's chair
    an environmental campaigner
    a climate scientist
    a flood warden
    a bus driver
    a dockworker
    a lawyer for the families
    the coroner
    the bishop
    the chamber of commerce president
    a landlord
    a developer
    the planning officer
    a school governor
    an ambulance paramedic
    """)

#: Subjects of sentences about institutions: "the council will review the plan".
INSTITUTIONS = _lines("""
    the council
    the government
    the union
    the company
    the board
    the ministry
    the party
    the club
    the hospital
    the school
    the regulator
    the police
    the committee
    the management
    the developers
    the owners
    the minister
    the mayor
    the opposition
    the inspectors
    """)

#: Weekdays, for narration: "the union voted on Tuesday".
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
