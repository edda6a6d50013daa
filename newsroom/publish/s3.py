"""S3-compatible object storage through boto3.

Endpoint and credentials come only from the standard places boto3 reads
(AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE,
~/.aws), never from the repository. Objects are compared by MD5 against the
ETag of a single-part upload, or by the SHA-256 we store in the object's
metadata where the store's ETag is something else.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from .base import Destination, PublishError, parse_manifest
from .files import MANIFEST, SiteFile

PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
UPLOADS_AT_ONCE = 8


class S3Destination(Destination):
    def __init__(self, url: str):
        parts = urlsplit(url)
        prefix = parts.path.strip("/")
        segments = prefix.split("/") if prefix else []
        if parts.scheme != "s3" or not BUCKET.match(parts.netloc) or any(c in url for c in "?#\\"):
            raise PublishError(f"{url}: lỗi: địa chỉ S3 phải có dạng s3://bucket/thư-mục (tên bucket chữ thường, số, dấu - và .; "
                               f"không có ?, # hay \\) / error: expected s3://bucket/prefix (a bucket of lower-case letters, "
                               f"digits, - and .; no ?, # or \\)")
        if any(segment in ("", ".", "..") for segment in segments):
            raise PublishError(f"{url}: lỗi: thư mục trên S3 không được có phần rỗng, \".\" hay \"..\" / "
                               f"error: an S3 prefix may not hold empty, \".\" or \"..\" parts")
        self.bucket = parts.netloc
        self.prefix = prefix + "/" if prefix else ""
        self.label = f"s3://{self.bucket}/{prefix}".rstrip("/")  # one name in the log however it was typed
        self._client = None
        self._has_manifest = False

    @property
    def client(self):
        if self._client is None:
            import boto3

            self._client = boto3.session.Session().client("s3")
        return self._client

    def _error(self, where: str, vietnamese: str, english: str, failure: Exception) -> PublishError:
        return PublishError(f"{where}: lỗi: {vietnamese} / error: {english}: {failure}")

    def listing(self) -> dict[str, str | None]:
        from botocore.exceptions import BotoCoreError, ClientError

        listing = {}
        try:
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
                for item in page.get("Contents", []):
                    listing[item["Key"][len(self.prefix):]] = item.get("ETag", "").strip('"').lower()
        except (BotoCoreError, ClientError) as failure:
            raise self._error(self.label, "không đọc được kho S3", "could not list the bucket", failure) from failure
        self._has_manifest = listing.pop(MANIFEST, None) is not None
        return listing

    def read_manifest(self) -> dict[str, dict] | None:
        from botocore.exceptions import BotoCoreError, ClientError

        if not self._has_manifest:
            return None
        try:
            data = self.client.get_object(Bucket=self.bucket, Key=self.prefix + MANIFEST)["Body"].read()
        except (BotoCoreError, ClientError) as failure:
            raise self._error(MANIFEST, "không đọc được danh sách tệp đã đăng", "could not read the manifest", failure) from failure
        return parse_manifest(data)

    def recorded_digest(self, record: dict) -> str | None:
        return record.get("md5")

    def edited_since(self, record: dict, digest: str | None) -> bool:
        return bool(digest and PLAIN_MD5.match(digest)) and super().edited_since(record, digest)

    def same(self, file: SiteFile, digest: str | None) -> bool:
        if digest and PLAIN_MD5.match(digest):
            return digest == file.md5
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            metadata = self.client.head_object(Bucket=self.bucket, Key=self.prefix + file.path).get("Metadata", {})
        except (BotoCoreError, ClientError):
            return False
        return {key.lower(): value for key, value in metadata.items()}.get("sha256") == file.sha256

    def upload(self, paths: list[str], files: dict[str, SiteFile], progress=None) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        client = self.client  # made once, before the threads share it (boto3 clients are thread-safe)

        def put(path: str) -> None:
            file = files[path]
            try:
                client.put_object(
                    Bucket=self.bucket, Key=self.prefix + path, Body=file.read(),
                    ContentType=file.content_type, CacheControl=file.cache_control,
                    Metadata={"sha256": file.sha256},
                )
            except (BotoCoreError, ClientError, OSError) as failure:
                raise self._error(path, f"không gửi được lên {self.label}", f"could not upload to {self.label}", failure) from failure

        # Several requests at once within one group; a group is complete before the next starts.
        with ThreadPoolExecutor(max_workers=UPLOADS_AT_ONCE) as pool:
            for path, done in [(path, pool.submit(put, path)) for path in paths]:
                done.result()
                if progress is not None:
                    progress(path, files[path].size)

    def delete(self, paths: list[str]) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        for start in range(0, len(paths), 1000):
            batch = paths[start:start + 1000]
            try:
                answer = self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": [{"Key": self.prefix + path} for path in batch], "Quiet": True})
            except (BotoCoreError, ClientError) as failure:
                raise self._error(batch[0], f"không xoá được trên {self.label}", f"could not delete from {self.label}", failure) from failure
            for error in answer.get("Errors", []):
                raise PublishError(f"{error['Key'][len(self.prefix):]}: lỗi: không xoá được / error: could not delete: {error.get('Message', error.get('Code'))}")
