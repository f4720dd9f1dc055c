"""The floor of streaming one token: a thread hands a token to a uvloop every 12 ms (call_soon_threadsafe, as the
engine does), the loop writes ~150 bytes to a TCP peer (another process reads). Prints main-thread CPU per token.

    python benchmarks/serving/loop_floor.py [TOKENS=1000]
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time

import uvloop

READER = "import socket, sys\ns = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\nwhile s.recv(65536): pass"


async def main(n: int) -> None:
    loop = asyncio.get_running_loop()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    reader = await asyncio.create_subprocess_exec(sys.executable, "-c", READER, str(server.getsockname()[1]))
    conn, _ = await loop.sock_accept(server)
    transport, _ = await loop.create_connection(asyncio.Protocol, sock=conn)
    done = loop.create_future()
    payload = b"data: " + b"x" * 140 + b"\n\n"
    sent = 0

    def on_token() -> None:
        nonlocal sent
        transport.write(payload)
        sent += 1
        if sent == n:
            done.set_result(None)

    def engine() -> None:
        for _ in range(n):
            time.sleep(0.012)
            loop.call_soon_threadsafe(on_token)

    t0 = time.thread_time()
    threading.Thread(target=engine).start()
    await done
    print(f"main-thread CPU per token: {(time.thread_time() - t0) / n * 1000:.4f} ms")
    transport.close()
    reader.kill()


if __name__ == "__main__":
    uvloop.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
