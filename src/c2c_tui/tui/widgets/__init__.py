"""Widgets two apps share: big clock, block font, clock band, agenda strip, plan info, phase header,
record table, compact footer. What one app alone uses lives in that app's folder.
"""
