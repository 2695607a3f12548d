"""The pieces of the public page and the printed certificate that need no server."""

import base64
import os

import pytest

from services.certificates import wording
from services.certificates.domain import verification_link as links
from services.certificates.raw_utf8 import encode_request_target

KEY = links.link_key(base64.b64encode(os.urandom(32)).decode())
NUMBER = "S000022000123263000001"


def test_cert4_link_token_resolves_to_its_number_and_is_unguessable():
    first, second = links.issue(KEY, NUMBER), links.issue(KEY, NUMBER)
    assert first != second  # fresh randomness each print: nothing to derive from the number
    assert links.resolve(KEY, first) == links.resolve(KEY, second) == NUMBER
    assert NUMBER not in first


@pytest.mark.parametrize("tamper", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),     # the tag
    lambda t: ("A" if t[0] != "A" else "B") + t[1:],      # the randomness
    lambda t: t[:30] + ("A" if t[30] != "A" else "B") + t[31:],  # the number
    lambda t: t[:10],                                      # cut short
    lambda t: t + "é",                                     # not ASCII
    lambda t: "!" * len(t),                                # not base64
])
def test_cert4_link_token_altered_or_forged_resolves_to_nothing(tamper):
    assert links.resolve(KEY, tamper(links.issue(KEY, NUMBER))) is None


def test_cert4_link_token_of_another_key_resolves_to_nothing():
    other = links.link_key(base64.b64encode(os.urandom(32)).decode())
    assert links.resolve(other, links.issue(KEY, NUMBER)) is None


def test_raw_utf8_request_target_is_percent_encoded_and_nothing_else():
    raw = "GET /api/v1/certificates/X?name=张伟 HTTP/1.1\r\nHost: a\r\n\r\n".encode()
    assert encode_request_target(raw) == (b"GET /api/v1/certificates/X?name=%E5%BC%A0%E4%BC%9F "
                                          b"HTTP/1.1\r\nHost: a\r\n\r\n")
    plain = b"GET /?a=b HTTP/1.1\r\n\r\n"
    assert encode_request_target(plain) is plain
    body = "name=张伟 HTTP/1.1\r\n".encode()  # not a request line: a body, untouched
    assert encode_request_target(body) is body
    post = "POST /?n=张 HTTP/1.1\r\n\r\n".encode()
    assert encode_request_target(post) is post


def test_gender_is_read_from_the_masked_resident_id():
    assert wording.gender_of("22**************33") == 1       # 17th character 3: male
    assert wording.gender_of("22**************2X") == 0       # 2: female
    assert wording.gender_of("2201**********002X") == 0
    assert wording.gender_of("22****************") is None
    assert wording.gender_of("") is None


def test_every_status_reason_and_outcome_has_words_in_both_languages():
    from anbao.certificates.v1 import certificates_pb2 as pb
    for lang in wording.LANGUAGES:
        assert set(wording.STATUSES[lang]) == set(pb.CertificateStatus.values()) - {0}
        assert set(wording.REVOCATION_REASONS[lang]) == set(pb.RevocationReason.values()) - {0}
        assert set(wording.OUTCOMES[lang]) == set(pb.StepOutcome.values()) - {0}
        assert set(wording.TEXT[lang]) == set(wording.TEXT["zh"])
