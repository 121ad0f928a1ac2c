"""Drives `errwiki mcp --content TEAM --content SHIPPED` with the official MCP Python SDK and prints,
as JSON, what a coding assistant would get from the union (ContentRootsTests checks the facts).

usage: two-roots.py ERRWIKI TEAM SHIPPED"""
import asyncio, json, sys
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

OOM = ("Out of memory: Killed process 4242 (cc1plus) total-vm:2123456kB, anon-rss:1900000kB, file-rss:1024kB, "
       "shmem-rss:0kB, UID:1000 pgtables:4500kB oom_score_adj:0")


async def main(binary, team, shipped):
    server = StdioServerParameters(command=binary, args=["mcp", "--content", team, "--content", shipped])
    seen = {}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            search = await session.call_tool("search_errors", {"query": OOM, "limit": 3})
            seen["search_first"] = search.structured_content["results"][0]["id"]
            article = await session.call_tool("get_article", {"id": "linux-oom-killer"})
            seen["article_first_line"] = article.content[0].text.splitlines()[0]
            log = OOM + "\nall fine\ndeployctl: lock /srv/deploy/.lock held by pid 4242 (started 2026-11-30T10:00:00Z)\n"
            diagnosed = await session.call_tool("diagnose_log", {"text": log})
            seen["diagnosed"] = sorted(match["id"] for match in diagnosed.structured_content["matches"])
            seen["resources"] = sorted(str(r.uri) for r in (await session.list_resources()).resources)
    print(json.dumps(seen, indent=2, sort_keys=True, ensure_ascii=False))


asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
