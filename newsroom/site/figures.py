"""Photos with captions become <figure>/<figcaption>.

Editors write a photo as a Markdown image alone in its paragraph, the caption
as its title: ![alt text](photo.jpg "Caption."). Markdown renders that as
<p><img alt title></p>; readers and screen readers deserve a real figure.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag


def figures_from_images(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return str(soup) if make_figures(soup) else html


def make_figures(soup: BeautifulSoup) -> bool:
    """Turn each photo alone in its paragraph into a figure, in place; True when any changed."""
    changed = False
    for paragraph in soup.find_all("p"):
        children = [c for c in paragraph.contents if not (isinstance(c, NavigableString) and not c.strip())]
        # A <picture> when newsroom.site.photos has already made the photo responsive.
        if len(children) != 1 or not isinstance(children[0], Tag) or children[0].name not in ("img", "picture"):
            continue
        image = children[0] if children[0].name == "img" else children[0].find("img")
        if image is None:
            continue
        caption_text = image.attrs.pop("title", "").strip()
        figure = soup.new_tag("figure")
        image.attrs.setdefault("loading", "lazy")
        photo = children[0].extract()
        figure.append(photo)
        if caption_text:
            caption = soup.new_tag("figcaption")
            caption.string = caption_text
            figure.append(caption)
        paragraph.replace_with(figure)
        changed = True
    return changed
