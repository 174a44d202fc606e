"""c2c's Textual apps, by the app a person runs: run/ (the facilitator), home/ (c2c, c2c review),
follow/ (c2c follow, c2c serve), setup/ (the set-up screen); and what two apps share: dialogs/, widgets/,
notify.py, screen_roles.py, themes.py.
"""
