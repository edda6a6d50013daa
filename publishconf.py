"""Production settings: `newsroom build --settings publishconf.py`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The address the portal is published at; set NEWSROOM_SITEURL on the publishing machine.
# A trailing slash would double every slash in the site's links.
SITEURL = os.environ.get("NEWSROOM_SITEURL", "https://tintuc.vanphong.gov.vn").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
