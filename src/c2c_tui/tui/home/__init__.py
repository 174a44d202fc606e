"""The home app (``c2c`` with no file): the list of sessions, the review of a folder and of one session,
the summary viewer.
"""
