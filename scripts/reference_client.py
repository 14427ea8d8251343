#!/usr/bin/env python3
"""Calypso customer-purse API reference client, written from the API reference alone.

Usage: CALYPSO_API_SECRET=... reference_client.py BASE_URL ACCOUNT API_KEY

Creates a customer, asks for its ETH deposit address and lists its transactions. The secret is
read from the environment only, never from the command line. Exits 0 on success.
Standard library only: json, hmac, hashlib, urllib.
"""
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request


class APIError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:300]!r}")
        self.status = status
        self.body = body


class CalypsoAPI:
    def __init__(self, base_url, account, key, secret):
        self.base_url = base_url.rstrip("/")
        self.account = account
        self.key = key
        self.secret = secret

    def call(self, path, payload):
        envelope = {"account": self.account, "timestamp": int(time.time() * 1000), "payload": payload}
        # Serialize once: these exact bytes are signed and sent.
        body = json.dumps(envelope, separators=(",", ":")).encode("utf-8")
        sign = hmac.new(self.secret.encode("utf-8"), body, hashlib.sha512).hexdigest()
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            method="POST",
            headers={"Key": self.key, "Sign": sign, "Content-Type": "application/json", "Accept": "*/*"},
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise APIError(error.code, error.read().decode("utf-8", "replace")) from None


def main(argv):
    if len(argv) != 4:
        print("usage: CALYPSO_API_SECRET=... reference_client.py BASE_URL ACCOUNT API_KEY", file=sys.stderr)
        return 2
    secret = os.environ.get("CALYPSO_API_SECRET", "")
    if not secret:
        print("CALYPSO_API_SECRET is not set", file=sys.stderr)
        return 2
    api = CalypsoAPI(argv[1], argv[2], argv[3], secret)
    try:
        customer = api.call("/api/v1/customer-purse/customer/create",
                            {"email": "reference@example.test", "description": "python reference client"})
        print(f"customer {customer['id']} blocked={str(customer.get('blocked', False)).lower()}")

        purse = api.call("/api/v1/customer-purse/address/get", {"customerId": customer["id"], "currency": "ETH"})
        print(f"purse {purse.get('id', '-')} address {purse['address']}")

        page = api.call("/api/v1/customer-purse/transaction/find",
                        {"customerId": customer["id"], "pageNumber": 0, "pageSize": 20, "sort": "DESC",
                         "properties": "createdDate"})
        for transaction in page.get("result", []):
            print(f"transaction {transaction['id']} {transaction['amount']} {transaction['currency']} "
                  f"{transaction['transactionState']}")
        print(f"transactions {page.get('totalElements', 0)} pages {page.get('total', 0)}")
    except APIError as error:
        print(f"API error: {error}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, KeyError, ValueError) as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
