"""Settings of the portal for development builds (`newsroom build`, `newsroom serve`).

Production overrides live in publishconf.py.
"""

from newsroom.site.dates import vi_date, vi_month_year
from newsroom.site.pagination import pager_window
from newsroom.site.photos import first_photo
from newsroom.site.related import related_articles
from newsroom.site.teasers import teaser_photo

SITENAME = "Cổng thông tin Văn phòng"
SITESUBTITLE = "Tin tức hoạt động của các cơ quan, đơn vị cấp tỉnh"
SITEURL = ""
AUTHOR = "Ban biên tập"
DEFAULT_LANG = "vi"
TIMEZONE = "Asia/Ho_Chi_Minh"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
READERS = {"rst": None, "html": None, "htm": None}  # editors write Markdown (.md) only: our plugin reads it
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsroom_pages"]

# Clean URLs: folders with index.html.
ARTICLE_URL = "tin-tuc/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
ARCHIVES_SAVE_AS = "tin-tuc/index.html"
YEAR_ARCHIVE_URL = "tin-tuc/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "tin-tuc/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DIRECT_TEMPLATES = ["index", "archives", "search"]
SEARCH_SAVE_AS = "tim-kiem/index.html"

# Units and awards replace categories, tags and author pages.
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
# Drafts are not published (check notes them); hidden articles get a page but no listing.
DRAFT_SAVE_AS = DRAFT_URL = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL = ""

DEFAULT_PAGINATION = 10
# The browse lists' page sizes are the portal's defaults (newsroom/settings.py PORTAL_PAGINATION); name one here to change it.
PAGINATED_TEMPLATES = {"index": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50

# Summaries are plain text: metadata never becomes markup.
FORMATTED_FIELDS = []
TYPOGRIFY = False
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}
JINJA_FILTERS = {"vi_date": vi_date, "vi_month_year": vi_month_year, "pager_window": pager_window,
                "related": related_articles, "first_photo": first_photo, "teaser_photo": teaser_photo}

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
