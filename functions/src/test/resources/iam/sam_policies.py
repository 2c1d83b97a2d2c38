"""Each function of template.yaml as AWS would deploy it: its routes, its environment and its execution role's
inline policies, taken from the SAM translator's output (the same translation CloudFormation applies to the
Transform), with the intrinsics that name the stack's own resources replaced by concrete values for a test.

usage: python3 sam_policies.py TEMPLATE --bucket NAME --table NAME [--parameter Name=Value ...]
                                [--region R] [--account A]
prints one JSON document on stdout; exits non-zero with a message on anything it cannot resolve.
"""
import argparse
import copy
import json
import os
import re
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no managed policy by name, so the translator needs no IAM lookup."""

    def load(self):
        return {}


class Resolver:
    def __init__(self, template, args):
        self.resources = template["Resources"]
        self.parameters = template.get("Parameters", {})
        self.args = args

    def arn(self, name):
        a = self.args
        resource = self.resources.get(name)
        if resource is None:
            raise KeyError(name)
        kind = resource["Type"]
        if kind == "AWS::S3::Bucket":
            return f"arn:aws:s3:::{self.ref(name)}"
        if kind == "AWS::DynamoDB::Table":
            return f"arn:aws:dynamodb:{a.region}:{a.account}:table/{self.ref(name)}"
        if kind in ("AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::Version"):
            return self.ref(name) if kind != "AWS::Lambda::Function" else \
                f"arn:aws:lambda:{a.region}:{a.account}:function:{name}"
        if kind == "AWS::SQS::Queue":
            return f"arn:aws:sqs:{a.region}:{a.account}:{name}"
        if kind == "AWS::SNS::Topic":
            return f"arn:aws:sns:{a.region}:{a.account}:{name}"
        if kind == "AWS::Logs::LogGroup":
            return f"arn:aws:logs:{a.region}:{a.account}:log-group:{name}"
        # Nothing a function's flow touches: a name that matches no request.
        return f"arn:aws:cloudformation:{a.region}:{a.account}:stack/test/{name}"

    def ref(self, name):
        a = self.args
        if name == "AWS::Region":
            return a.region
        if name == "AWS::AccountId":
            return a.account
        if name == "AWS::Partition":
            return "aws"
        if name == "AWS::StackName":
            return "signal-analyzer-test"
        if name in self.args.parameter_values:
            return self.args.parameter_values[name]
        if name in self.parameters:
            default = self.parameters[name].get("Default")
            if default is None:
                raise KeyError(f"parameter {name} has no default")
            return str(default)
        resource = self.resources.get(name)
        if resource is None:
            raise KeyError(name)
        kind = resource["Type"]
        if kind == "AWS::S3::Bucket":
            return a.bucket
        if kind == "AWS::DynamoDB::Table":
            return a.table
        if kind == "AWS::Lambda::Function":
            return name
        if kind == "AWS::Lambda::Alias":
            props = resource["Properties"]
            function = props["FunctionName"]["Ref"]
            return f"arn:aws:lambda:{a.region}:{a.account}:function:{function}:{props['Name']}"
        return self.arn(name)

    def get_att(self, name, attribute):
        if attribute == "Arn":
            return self.arn(name)
        raise KeyError(f"{name}.{attribute}")

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if set(value) == {"Ref"}:
            return self.ref(value["Ref"])
        if set(value) == {"Fn::GetAtt"}:
            target = value["Fn::GetAtt"]
            name, attribute = target if isinstance(target, list) else target.split(".", 1)
            return self.get_att(name, attribute)
        if set(value) == {"Fn::Sub"}:
            text = value["Fn::Sub"]
            if not isinstance(text, str):
                raise KeyError(f"Fn::Sub with variables: {value}")

            def one(match):
                inner = match.group(1)
                if "." in inner:
                    return self.get_att(*inner.split(".", 1))
                return self.ref(inner)

            return re.sub(r"\$\{([^}!]+)\}", one, text)
        if set(value) == {"Fn::Join"}:
            sep, parts = value["Fn::Join"]
            return sep.join(self.resolve(p) for p in parts)
        return {k: self.resolve(v) for k, v in value.items()}


def routes(function):
    found = []
    for event in (function.get("Properties", {}).get("Events") or {}).values():
        if event.get("Type") == "Api":
            props = event["Properties"]
            found.append({"method": props["Method"].upper(), "path": props["Path"]})
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("template")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--account", default="123456789012")
    parser.add_argument("--parameter", action="append", default=[], help="Name=Value, for parameters without default")
    args = parser.parse_args()
    args.parameter_values = dict(p.split("=", 1) for p in args.parameter)
    # The translator asks for a region to build ARNs; the test's region, not this machine's configuration.
    os.environ["AWS_DEFAULT_REGION"] = args.region

    with open(args.template, encoding="utf-8") as f:
        sam = yaml_parse(f.read())
    original = copy.deepcopy(sam)
    # As after `sam package`: the translator wants the code in S3, which does not change any policy.
    sam.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://code-bucket/functions-lambda.jar"
    for resource in sam["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function" and "CodeUri" in resource.get("Properties", {}):
            resource["Properties"]["CodeUri"] = "s3://code-bucket/functions-lambda.jar"
    translated = transform(sam, args.parameter_values, NoManagedPolicies())
    resolver = Resolver(translated, args)

    out = {"functions": {}, "tables": {}}
    for name, resource in original["Resources"].items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        function = translated["Resources"][name]["Properties"]
        role_name = function["Role"]["Fn::GetAtt"][0]
        role = translated["Resources"][role_name]["Properties"]
        out["functions"][name] = {
            "handler": function["Handler"],
            "routes": routes(resource),
            "environment": resolver.resolve(function.get("Environment", {}).get("Variables", {})),
            "policies": [resolver.resolve(p["PolicyDocument"]) for p in role.get("Policies", [])],
            "managedPolicyArns": role.get("ManagedPolicyArns", []),
        }
    for name, resource in translated["Resources"].items():
        if resource["Type"] == "AWS::DynamoDB::Table":
            props = resource["Properties"]
            out["tables"][name] = {k: props[k] for k in ("KeySchema", "AttributeDefinitions", "BillingMode")
                                   if k in props}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    try:
        main()
    except KeyError as e:
        sys.exit(f"sam_policies.py: cannot resolve {e} to a test value")
