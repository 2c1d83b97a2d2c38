"""moto's server with two fixes to its IAM checks, for the least-privilege test.

moto 5.2 in server mode recomputes a request's SigV4 signature from the query string as the web framework hands
it over, already percent-decoded: a signed query value holding '/' (ListObjectsV2's prefix=sessions%2F...) then
never matches what the client signed, and every such request fails with SignatureDoesNotMatch, whoever sends it.
AWS canonicalizes the query by percent-encoding each name and value (RFC 3986 unreserved characters kept); this
does the same before moto computes the signature.

moto 5.2 authorizes a DeleteObjects request (POST ?delete) as s3:DeleteObject on the bucket's ARN; AWS authorizes
s3:DeleteObject on each key's ARN. Here each listed key is authorized as AWS does, and any key outside the
caller's policy refuses the request. Nothing else about moto's checks changes.

usage: python3 moto_iam_server.py [moto_server arguments]
"""
import sys
from urllib.parse import quote, unquote

import xmltodict
from moto.iam import access_control
from moto.s3.responses import S3Response
from moto.server import main

_original = access_control.IAMRequestBase._create_aws_request


def _canonical_query(self):
    path, _, query = self._path.partition("?")
    if query:
        pairs = []
        for pair in query.split("&"):
            name, equals, value = pair.partition("=")
            pairs.append(quote(unquote(name), safe="-_.~") + equals + quote(unquote(value), safe="-_.~"))
        self._path = path + "?" + "&".join(pairs)
    return _original(self)


access_control.IAMRequestBase._create_aws_request = _canonical_query

_original_post = S3Response._bucket_response_post


def _delete_objects_per_key(self, request, bucket_name):
    self.path = self._get_path(request)
    if not request.headers.get("Content-Length") or not self.is_delete_keys():
        return _original_post(self, request, bucket_name)
    self.data["Action"] = "DeleteObject"
    listed = xmltodict.parse(self.body, strip_whitespace=False)["Delete"].get("Object", [])
    for obj in listed if isinstance(listed, list) else [listed]:
        self._authenticate_and_authorize_s3_action(bucket_name=bucket_name, key_name=obj["Key"])
    return self._bucket_response_delete_keys(bucket_name)


S3Response._bucket_response_post = _delete_objects_per_key

if __name__ == "__main__":
    main(sys.argv[1:])
