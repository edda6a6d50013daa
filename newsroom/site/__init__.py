"""What the site shows a reader, in plain Python: dates, figures, links. No Pelican import."""
