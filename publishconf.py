"""Production settings: `newsroom publish DESTINATION` (or `newsroom build --settings publishconf.py`).

Usable from any folder: pelicanconf.py is found beside this file.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

# The address the portal is published at, set on the publishing machine: NEWSROOM_SITEURL=https://…
# Trailing slashes are dropped so that no URL gets `//` after the host; unset, `newsroom publish` refuses.
SITEURL = os.environ.get("NEWSROOM_SITEURL", "").strip().rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Where `newsroom publish NAME` sends the site: one target or several, each fully updated before the next.
#   "may-chu": ["www@web1.so.gov.vn:/srv/www/tintuc", "www@web2.so.gov.vn:/srv/www/tintuc"],
#   "luu-tru": "s3://cong-tin-tuc/site",
PUBLISH_DESTINATIONS = {}
PUBLISH_LOG = "publish-log.jsonl"
