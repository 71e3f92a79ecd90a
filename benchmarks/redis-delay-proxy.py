"""A TCP proxy that holds each chunk Redis answers for DELAY ms before passing it on: a Redis far away.
usage: python3 delay-proxy.py LISTEN_PORT DELAY_MS [UPSTREAM_PORT=6379]"""
import asyncio, sys

LISTEN, DELAY = int(sys.argv[1]), float(sys.argv[2]) / 1000
UPSTREAM = int(sys.argv[3]) if len(sys.argv) > 3 else 6379


async def pipe(reader, writer, delay):
    loop = asyncio.get_running_loop()
    try:
        while data := await reader.read(65536):
            if delay:
                loop.call_later(delay, writer.write, data)
            else:
                writer.write(data)
    finally:
        await asyncio.sleep(delay)
        writer.close()


async def client(reader, writer):
    up_reader, up_writer = await asyncio.open_connection('127.0.0.1', UPSTREAM)
    await asyncio.gather(pipe(reader, up_writer, 0), pipe(up_reader, writer, DELAY), return_exceptions=True)


async def main():
    server = await asyncio.start_server(client, '127.0.0.1', LISTEN)
    async with server:
        await server.serve_forever()

asyncio.run(main())
