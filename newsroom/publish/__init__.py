"""`newsroom publish`: a built site to a folder, to web servers over rsync, or to S3-compatible storage."""

from .base import Destination, PublishError
from .destinations import destination_for, destinations_for
from .log import PublishLog
from .run import plan_for, publish

__all__ = ["Destination", "PublishError", "PublishLog", "destination_for", "destinations_for", "plan_for", "publish"]
