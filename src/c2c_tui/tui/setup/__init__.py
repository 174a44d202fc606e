"""The set-up screen (workshop, teams, people, agenda, before) and its panes."""
