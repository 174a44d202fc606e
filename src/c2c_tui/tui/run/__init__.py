"""The facilitator app (``c2c run``): the app, its run screen, the wall view, F1 help, the capture
line, the status line, autosave and the command table; ``work/`` holds the work area and its tables.
"""
