"""The deployment's configurations as text: supervisord's programs and restart policy, nginx's routing
and headers, and what `--embed-from` accepts (it ends up inside an nginx header value)."""
from __future__ import annotations

import base64
import configparser
import hashlib
import re
from pathlib import Path

import pytest

from deploy import nginx, supervisor
from ui import serving


def _supervisord(tmp_path: Path) -> configparser.ConfigParser:
    text = supervisor.config(prefix=tmp_path / "run%1", root=tmp_path, user="balance", password="pw%d",
                             apps={"app1": ["python", "-m", "deploy.process", "--server.port", "8601"],
                                   "app2": ["python", "-m", "deploy.process", "--server.port", "8602"]},
                             nginx=["/usr/sbin/nginx", "-g", "daemon off;"])
    parsed = configparser.ConfigParser(interpolation=configparser.BasicInterpolation())  # as supervisord expands
    parsed.read_string(text)
    return parsed


def test_supervisord_runs_every_process_and_nginx_and_restarts_them(tmp_path):
    conf = _supervisord(tmp_path)
    programs = [s.split(":", 1)[1] for s in conf.sections() if s.startswith("program:")]
    assert programs == ["app1", "app2", "nginx"]
    for name in programs:
        p = conf[f"program:{name}"]
        assert p["autorestart"] == "true" and int(p["startretries"]) >= 10, name
        assert p["stopasgroup"] == "true" and p["killasgroup"] == "true", name
        assert p["stdout_logfile"] == str(tmp_path / "run%1" / f"{name}.log"), name  # % kept literally
    assert conf["program:app1"]["command"].endswith("--server.port 8601")
    assert conf["program:nginx"]["command"] == "/usr/sbin/nginx -g 'daemon off;'"
    assert int(conf["program:nginx"]["priority"]) > int(conf["program:app1"]["priority"])  # started last, stopped first
    assert conf["supervisord"]["nodaemon"] == "true"
    assert conf["unix_http_server"]["password"] == "pw%d" and conf["unix_http_server"]["chmod"] == "0700"


def test_nginx_routes_by_process_name_with_failover(tmp_path):
    text = nginx.config(listen="127.0.0.1:8600", backends={"app1": 8601, "app2": 8602}, prefix=tmp_path,
                        static_geo=tmp_path / "geo", streamlit_static=tmp_path / "static")
    assert "least_conn;" in text
    assert re.search(r"upstream bal_app1 \{\s+server 127\.0\.0\.1:8601 [^;]*;\s+server 127\.0\.0\.1:8602 backup;", text)
    assert re.search(r"upstream bal_app2 \{\s+server 127\.0\.0\.1:8602 [^;]*;\s+server 127\.0\.0\.1:8601 backup;", text)
    assert "X-Balance-Process" not in text and "server_tokens off;" in text
    assert not re.search(r"@[A-Z_]+@", text.split("\n", 1)[1])  # every placeholder filled
    # every location that answers carries the security headers (nginx drops inherited ones per location)
    blocks = re.findall(r"location [^{]+\{(.*?)\n    \}", text, re.S)
    assert len(blocks) == 4  # the processes, dotfiles (404), the geometry, Streamlit's assets
    for block in blocks:
        assert "X-Content-Type-Options" in block and "Content-Security-Policy" in block, block


def test_the_policy_allows_only_the_pages_own_inline_scripts(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<script>\n  window.a = 1\n</script><script type="module" src="./x.js"></script>')
    digest = base64.b64encode(hashlib.sha256(b"\n  window.a = 1\n").digest()).decode()
    # the base-address script the app writes into every page (ui/serving.py), hashed from its own text
    base = re.fullmatch(rb"<script>(.*)</script>", serving.SCRIPT, re.S).group(1)
    base_digest = base64.b64encode(hashlib.sha256(base).digest()).decode()
    # the inline ones only, in page order: the base address is written before Streamlit's first script
    assert nginx.inline_script_hashes(page) == [f"'sha256-{base_digest}'", f"'sha256-{digest}'"]
    csp = nginx.content_security_policy()
    assert "'unsafe-eval'" not in csp and "script-src 'self' 'sha256-" in csp
    assert re.search(r"script-src [^;]*'unsafe-inline'", csp) is None
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp


def test_embedding_from_other_origins(tmp_path):
    headers = nginx.security_headers(("https://example.org", "http://intranet.local:8080"))
    assert headers["Content-Security-Policy"].endswith(
        "frame-ancestors 'self' https://example.org http://intranet.local:8080")
    assert "X-Frame-Options" not in headers  # it cannot name other origins (browsers with CSP ignore it)
    assert nginx.security_headers()["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("bad", ["*", "example.org", "https://example.org/path", "https://a.org; script-src *",
                                 'https://a.org" always; add_header X "1', "javascript:alert(1)", "'self'"])
def test_embed_from_takes_origins_only(bad):
    with pytest.raises(ValueError, match="origin"):
        nginx.frame_ancestors((bad,))
