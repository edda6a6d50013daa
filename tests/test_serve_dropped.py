"""`newsroom serve` keeps quiet when a browser drops a connection mid-answer (a closed tab, a stopped load)."""

from __future__ import annotations

import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from test_serve import free_port, wait_for


def drop_mid_answer(port: int, path: str, read: int) -> None:
    """Ask for `path`, read `read` bytes of the answer (none: before it starts), then reset the connection."""
    with socket.socket() as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the server is still writing
        connection.connect(("127.0.0.1", port))
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        while read > 0:
            chunk = connection.recv(min(read, 4096))
            if not chunk:
                break
            read -= len(chunk)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close sends RST


def test_eighty_dropped_connections_leave_no_traceback(project_copy):
    port = free_port()
    errors = project_copy / "serve-stderr.txt"
    with errors.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)],
                                   cwd=project_copy, stdout=subprocess.DEVNULL, stderr=stderr, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: urllib.request.urlopen(base + "/", timeout=5).status == 200)
        output = (project_copy / "output").resolve()
        largest = max((p for p in output.rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
        assert largest.stat().st_size > 100_000, "a file big enough to be cut mid-answer"
        paths = ["/" + largest.relative_to(output).as_posix(), "/", "/khong-co-trang-nay/"]
        threads = Path(f"/proc/{process.pid}/task")
        wait_for(lambda: urllib.request.urlopen(base + "/__newsroom/status", timeout=5).read() == b"idle")
        idle = len(list(threads.iterdir()))
        for n in range(80):
            drop_mid_answer(port, paths[n % len(paths)], read=(0, 1, 2048, 8192)[n % 4])
        assert urllib.request.urlopen(base + "/", timeout=5).status == 200, "the server still answers"
        wait_for(lambda: len(list(threads.iterdir())) <= idle)  # every dropped connection's thread has ended
    finally:
        process.terminate()
        process.wait(timeout=10)
    written = errors.read_text(encoding="utf-8")
    assert "Traceback" not in written and "ConnectionResetError" not in written and "BrokenPipe" not in written, written
