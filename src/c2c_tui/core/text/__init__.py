"""Text helpers shared by the summary and the tables: markdown escaping (``mdtext``), cell widths (``textcells``)."""
