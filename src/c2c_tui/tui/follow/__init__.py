"""The read-only presenter display (``c2c follow``) and ``c2c serve``: it imports the read side of core and
nothing of the facilitator app or the store.
"""
