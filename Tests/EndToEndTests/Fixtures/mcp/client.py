"""Drives `errwiki mcp` with the official MCP Python SDK (PyPI `mcp`) and prints what it saw as
JSON: the handshake, the tool list, each tool's answer and each bad call's error. The Swift test
(MCPServerTests) compares that transcript with its golden file and checks the facts in it.

usage: client.py ERRWIKI CONTENT"""
import asyncio, json, sys
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError as McpError


def tool_answer(result):
    return {
        "is_error": bool(result.is_error),
        "text": "\n".join(block.text for block in result.content if block.type == "text"),
        "structured": result.structured_content,
    }


async def main(binary, content):
    server = StdioServerParameters(command=binary, args=["mcp", "--content", content])
    transcript = {}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            transcript["handshake"] = {
                "protocol": init.protocol_version, "server": init.server_info.name,
                "tools": init.capabilities.tools is not None, "resources": init.capabilities.resources is not None,
            }
            tools = (await session.list_tools()).tools
            transcript["tools"] = [{"name": t.name, "required": t.input_schema.get("required", []),
                                    "properties": sorted(t.input_schema.get("properties", {})),
                                    "read_only": bool(t.annotations and t.annotations.read_only_hint),
                                    "description_words": len(t.description.split())} for t in tools]
            calls = [
                ("search_errors", {"query": "write failed: No space left on device", "limit": 3}),
                ("search_errors", {"query": "ENOSPC"}),
                ("search_errors", {"query": "quantum flux capacitor misaligned"}),
                ("get_article", {"id": "enospc", "sections": ["summary", "steps"]}),
                ("get_article", {"id": "linux-oom-killer"}),
                ("get_article", {"id": "widget-spins"}),
                ("diagnose_log", {"text": "boot ok\nOut of memory: Killed process 4242 (java) total-vm:8123456kB, anon-rss:7000000kB\n"
                                          "cp: error writing '/var/tmp/x': No space left on device\nall done\n"}),
                ("diagnose_log", {"text": "nothing to see here\n"}),
                ("lookup_code", {"code": "ENOSPC"}),
                ("lookup_code", {"code": "errno 13"}),
                ("lookup_code", {"code": "ENOTACODE"}),
                # Bad arguments: each an error result, and the server keeps serving.
                ("search_errors", {"query": ""}),
                ("search_errors", {"query": "oom", "limit": 500}),
                ("search_errors", {"query": "oom", "limt": 3}),
                ("get_article", {"id": "no-such-article"}),
                ("get_article", {"id": "enospc", "sections": ["everything"]}),
                ("diagnose_log", {"text": "x" * 50_000_000}),
                ("lookup_code", {"code": 28}),
            ]
            answers = []
            for name, arguments in calls:
                shown = {k: (v if not isinstance(v, str) or len(v) < 200 else f"<{len(v)} characters>") for k, v in arguments.items()}
                answers.append({"tool": name, "arguments": shown, **tool_answer(await session.call_tool(name, arguments))})
            transcript["calls"] = answers
            try:
                await session.call_tool("no_such_tool", {})
                transcript["unknown_tool"] = "no error"
            except McpError as error:
                transcript["unknown_tool"] = {"code": error.error.code, "message": error.error.message}
            resources = (await session.list_resources()).resources
            transcript["resources"] = sorted(str(r.uri) for r in resources)
            templates = (await session.list_resource_templates()).resource_templates
            transcript["resource_templates"] = [t.uri_template for t in templates]
            read = await session.read_resource("errwiki://article/eacces")
            transcript["resource_read"] = {"mime": read.contents[0].mime_type, "first_line": read.contents[0].text.splitlines()[0]}
            try:
                await session.read_resource("errwiki://article/missing")
                transcript["resource_missing"] = "no error"
            except McpError as error:
                transcript["resource_missing"] = {"code": error.error.code, "message": error.error.message}
            # Still serving after every error above.
            transcript["after_errors"] = tool_answer(await session.call_tool("search_errors", {"query": "EACCES", "limit": 1}))["structured"]["verdict"]
    print(json.dumps(transcript, indent=2, sort_keys=True, ensure_ascii=False))


asyncio.run(main(sys.argv[1], sys.argv[2]))
