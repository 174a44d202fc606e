"""The work area under the clock: one list per phase (entries, options, actions), the advisor panel
and the impact/risk matrix.
"""
