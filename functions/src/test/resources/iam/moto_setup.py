"""Prepares a moto server for the least-privilege test: the bucket, the table as template.yaml declares it, one
IAM user per function holding exactly that function's inline policies (from sam_policies.py), an admin user for
the test's own seeding and checks, then switches IAM enforcement on for every later request.

usage: python3 moto_setup.py ENDPOINT POLICIES_JSON --bucket NAME --table NAME
prints {"users": {function: {"accessKeyId", "secretAccessKey"}}, "admin": {...}} on stdout.

moto 5.2 evaluates S3 requests against the action and the object or bucket ARN, but DynamoDB requests against the
action only, with "*" as the resource: a statement naming the table ARN would deny every DynamoDB call. So a
statement's DynamoDB actions are granted on "*" here; which table they name is checked by the test itself
(every DynamoDB statement must name the stack's table). moto's IAM model does not evaluate StringLike conditions
(it ignores them), so a conditioned s3:ListBucket counts as unconditioned.
"""
import argparse
import json
import sys
import urllib.request

import boto3


def for_moto(document):
    statements = document["Statement"]
    statements = statements if isinstance(statements, list) else [statements]
    out = []
    for s in statements:
        actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
        dynamo = [a for a in actions if a.startswith("dynamodb:")]
        other = [a for a in actions if not a.startswith("dynamodb:")]
        if other:
            out.append(dict(s, Action=other))
        if dynamo:
            out.append(dict(s, Action=dynamo, Resource="*"))
    return {"Version": "2012-10-17", "Statement": out}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("endpoint")
    parser.add_argument("policies")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    with open(args.policies, encoding="utf-8") as f:
        described = json.load(f)

    setup = dict(endpoint_url=args.endpoint, region_name=args.region, aws_access_key_id="setup",
                 aws_secret_access_key="setup")
    iam = boto3.client("iam", **setup)
    boto3.client("s3", **setup).create_bucket(Bucket=args.bucket)
    tables = list(described["tables"].values())
    if len(tables) != 1:
        sys.exit(f"moto_setup.py: expected one table in the template, found {len(tables)}")
    table = tables[0]
    boto3.client("dynamodb", **setup).create_table(TableName=args.table, KeySchema=table["KeySchema"],
                                                   AttributeDefinitions=table["AttributeDefinitions"],
                                                   BillingMode=table.get("BillingMode", "PAY_PER_REQUEST"))

    def user(name, documents):
        iam.create_user(UserName=name)
        for i, document in enumerate(documents):
            iam.put_user_policy(UserName=name, PolicyName=f"{name}Policy{i}", PolicyDocument=json.dumps(document))
        key = iam.create_access_key(UserName=name)["AccessKey"]
        return {"accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}

    users = {name: user(name, [for_moto(p) for p in f["policies"]]) for name, f in described["functions"].items()}
    admin = user("test-admin", [{"Version": "2012-10-17",
                                 "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}])

    # From here on every request must be signed by a user whose policies allow it.
    # text/plain: moto reads the raw body, which a form content type would hide from it.
    request = urllib.request.Request(args.endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                     headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request) as answer:
        answer.read()
    json.dump({"users": users, "admin": admin}, sys.stdout)


if __name__ == "__main__":
    main()
