"""Photos with captions become <figure>/<figcaption>.

Editors write a photo as a Markdown image alone in its paragraph, the caption
as its title: ![alt text](photo.jpg "Caption."). Markdown renders that as
<p><img alt title></p>; readers and screen readers deserve a real figure.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from newsroom.site.htmltree import new_element, replace


def make_figures(root: HtmlElement) -> bool:
    """Turn each photo alone in its paragraph into a figure, in place; True when any changed."""
    changed = False
    for paragraph in list(root.iter("p")):
        children = list(paragraph)
        words = (paragraph.text or "") + "".join(child.tail or "" for child in children)
        # A <picture> when newsroom.site.photos has already made the photo responsive.
        if len(children) != 1 or words.strip() or children[0].tag not in ("img", "picture"):
            continue
        photo = children[0]
        image = photo if photo.tag == "img" else next(photo.iter("img"), None)
        if image is None:
            continue
        caption_text = (image.attrib.pop("title", None) or "").strip()
        if image.get("loading") is None:
            image.set("loading", "lazy")
        figure = new_element("figure")
        replace(paragraph, figure)
        photo.tail = None  # whitespace around the photo in its paragraph goes with the paragraph
        figure.append(photo)
        if caption_text:
            caption = new_element("figcaption")
            caption.text = caption_text
            figure.append(caption)
        changed = True
    return changed
