"""`anbao call`: any RPC from the command line, with clear refusals."""

import asyncio
import json

from typer.testing import CliRunner

from anbaoctl.main import app
from tests import builders

runner = CliRunner()


async def invoke(system, service: str, *args: str):
    token = system.issuer.mint("cli-test", "province_admin")
    address = f"127.0.0.1:{system.runtimes()[service].port}"
    return await asyncio.to_thread(runner.invoke, app, ["call", service, *args,
                                                        "--address", address, "--token", token])


async def test_call_registers_and_reads_a_person(system):
    request = json.dumps({"resident_id": builders.resident_id(), "full_name": "李娜",
                          "phone": "13700001234", "region_code": "220102"}, ensure_ascii=False)
    result = await invoke(system, "registry", "RegisterPerson", request)
    assert result.exit_code == 0, result.output
    person = json.loads(result.output)
    assert person["full_name"] == "李娜" and person["phone_masked"] == "137****1234"
    result = await invoke(system, "registry", "GetPerson", json.dumps({"name": person["name"]}))
    assert json.loads(result.output)["name"] == person["name"]


async def test_call_prints_field_violations_and_rules(system):
    result = await invoke(system, "registry", "RegisterPerson", '{"resident_id": "123"}')
    assert result.exit_code == 1
    assert "INVALID_ARGUMENT" in result.output and "resident_id:" in result.output
    result = await invoke(system, "registry", "NoSuchMethod", "{}")
    assert result.exit_code == 2 and "RegisterPerson" in result.output
    result = await invoke(system, "registry", "GetPerson", '{"nmae": 1}')
    assert result.exit_code == 2 and "not a valid GetPersonRequest" in result.output


async def test_call_finds_the_service_where_up_and_demo_put_it(system):
    """No --address: the port comes from --<service>-port or ANBAO_UP_<SERVICE>_PORT, the
    settings `anbao up` and `anbao demo` take."""
    token = system.issuer.mint("cli-test", "province_admin")
    port = system.runtimes()["accreditation"].port
    request = ["call", "accreditation", "ListInstitutions", '{"page_size":1}', "--token", token]
    by_option = await asyncio.to_thread(runner.invoke, app,
                                        [*request, f"--accreditation-port={port}"])
    assert by_option.exit_code == 0, by_option.output
    assert "institutions" in json.loads(by_option.output) or json.loads(by_option.output) == {}
    by_env = await asyncio.to_thread(runner.invoke, app, request,
                                     env={"ANBAO_UP_ACCREDITATION_PORT": str(port)})
    assert by_env.exit_code == 0, by_env.output
