"""The slide script: its model, loading it with positions, validating it, its schema. Imports no Qt."""
