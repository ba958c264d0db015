"""The archive's database: engines (engine.py), tables (models.py) and their migrations
(schema.py runs the Alembic scripts in migrations/ without any alembic.ini).
"""
