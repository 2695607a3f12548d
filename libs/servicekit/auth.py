"""Who may call what, as data. A service's policy is one table: for each RPC, the roles
allowed and how far each reaches — every resource (ANY), the resources of the token's
own division (DIVISION, a city admin), of its own institution (INSTITUTION) or those an
evaluator is assigned to (EVALUATOR: the resource names the evaluators it admits). An RPC
not in the table is denied to everyone; a role not listed for an RPC is denied.

The interceptor checks the method and the role (`authorize`); a handler, once it has
loaded a resource, checks the reach (`require_reach`) — before anything else about the
resource is revealed. A caller with a limited reach gets PERMISSION_DENIED for a resource
that does not exist, just as for one that is not theirs (AIP-211), so the answer never
tells which."""

import contextvars
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Iterable, Mapping

from . import divisions
from .errors import PermissionDenied, Unauthenticated
from .tokens import ROLES, TokenVerifier

PUBLIC = "public"  # a policy role: anyone, with or without a token


class Reach(StrEnum):
    ANY = "any"
    DIVISION = "division"
    INSTITUTION = "institution"
    EVALUATOR = "evaluator"
    EMPLOYER = "employer"


# which reaches each role's scope can express
_REACHES = {"province_admin": {Reach.ANY}, "auditor": {Reach.ANY}, "service": {Reach.ANY},
            "city_admin": {Reach.DIVISION}, "eval_org": {Reach.INSTITUTION},
            "training_org": {Reach.INSTITUTION}, "evaluator": {Reach.EVALUATOR},
            "employer": {Reach.EMPLOYER},
            PUBLIC: {Reach.ANY}}

Policy = Mapping[str, Mapping[str, Reach]]  # method → role → reach


def check_policy(policy: Policy, methods: list[str]) -> None:
    """A service's table names exactly its RPCs, known roles and reaches they can have."""
    if set(policy) != set(methods):
        raise ValueError(f"policy and RPCs differ: unlisted {sorted(set(methods) - set(policy))}, "
                         f"unknown {sorted(set(policy) - set(methods))}")
    for method, grants in policy.items():
        for role, reach in grants.items():
            if reach not in _REACHES.get(role, ()):
                raise ValueError(f"{method}: {role} cannot have reach {reach}")


@dataclass(frozen=True)
class Caller:
    subject: str
    role: str
    # a division code (city_admin), institutions/{id} (eval_org, training_org) or
    # evaluators/{id} (evaluator) or employers/{uscc} (employer)
    scope: str = ""
    reach: Reach = Reach.ANY  # how far this caller reaches in the current RPC
    department: str = ""  # an admin's department (tokens.DEPARTMENTS), where one is named


ANONYMOUS = Caller(subject="anonymous", role=PUBLIC)
_current: contextvars.ContextVar[Caller] = contextvars.ContextVar("caller", default=ANONYMOUS)


def current_caller() -> Caller:
    return _current.get()


def set_caller(caller: Caller) -> contextvars.Token:
    return _current.set(caller)


def reset_caller(token: contextvars.Token) -> None:
    _current.reset(token)


def authorize(policy: Policy, method: str, bearer: str | None,
              verifier: TokenVerifier) -> Caller:
    """The caller, with its reach in `method`; or Unauthenticated / PermissionDenied."""
    grants = policy.get(method, {})
    if bearer is None:
        if PUBLIC in grants:
            return ANONYMOUS
        raise Unauthenticated("this method needs a bearer token")
    claims = verifier.claims(bearer)
    caller = Caller(subject=claims["sub"], role=claims["role"], scope=claims.get("scope", ""),
                    department=claims.get("department", ""))
    reach = grants.get(caller.role, grants.get(PUBLIC))
    if reach is None:
        raise PermissionDenied(f"role {caller.role} may not call {method}")
    return replace(caller, reach=reach if caller.role in grants else Reach.ANY)


def reaches(caller: Caller, *, region: str = "", institution: str = "",
            evaluators: Iterable[str] = (), employer: str = "") -> bool:
    """Whether the caller reaches a resource in `region` belonging to `institution` (or
    to the employer with USCC `employer`), which the evaluators with IDs `evaluators` may
    act on."""
    if caller.reach == Reach.ANY:
        return True
    if caller.reach == Reach.EMPLOYER:
        return bool(employer) and caller.scope == f"employers/{employer}"
    if caller.reach == Reach.DIVISION:
        return bool(region) and divisions.within(region, caller.scope)
    if caller.reach == Reach.EVALUATOR:
        return caller.scope.removeprefix("evaluators/") in set(evaluators)
    return bool(institution) and caller.scope == f"institutions/{institution}"


# one answer for a resource out of reach and for one that does not exist (AIP-211)
OUT_OF_REACH = "the resource does not exist or is not in your scope"


def require_reach(caller: Caller, *, region: str = "", institution: str = "",
                  evaluators: Iterable[str] = (), employer: str = "") -> None:
    if not reaches(caller, region=region, institution=institution, evaluators=evaluators,
                   employer=employer):
        raise PermissionDenied(OUT_OF_REACH)


def evaluator_of(caller: Caller) -> str:
    """The evaluator ID an EVALUATOR caller acts as ("" for any other)."""
    return caller.scope.removeprefix("evaluators/") if caller.reach == Reach.EVALUATOR else ""


def division_of(caller: Caller) -> str:
    """The division a DIVISION caller's searches are confined to ("" for any)."""
    return caller.scope if caller.reach == Reach.DIVISION else ""


def institution_of(caller: Caller) -> str:
    """The institution ID an INSTITUTION caller's lists are confined to ("" for any)."""
    return caller.scope.removeprefix("institutions/") if caller.reach == Reach.INSTITUTION else ""


def region_in_scope(caller: Caller, requested: str) -> str:
    """The region a search covers: what was asked, or a city admin's own division."""
    region = requested or division_of(caller)
    if caller.reach == Reach.DIVISION:
        require_reach(caller, region=region)
    elif caller.reach in (Reach.INSTITUTION, Reach.EMPLOYER):
        raise PermissionDenied("an institution or employer does not search by region")
    return region


__all__ = ["PUBLIC", "ROLES", "Reach", "Policy", "Caller", "ANONYMOUS", "authorize",
           "require_reach", "reaches", "division_of", "evaluator_of", "institution_of", "region_in_scope",
           "check_policy", "current_caller", "set_caller", "reset_caller"]
