"""Debian's headless chromium driven by Selenium through Debian's chromedriver (nothing downloaded at run time),
for the remote's pages. Importing this skips the importing test module where the browser is missing (and fails it
in CI, whose .ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from .conftest import in_thread

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    MISSING = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"{MISSING}: .ci/run installs them, so in CI this is a failure", pytrace=False)
    pytest.skip(MISSING, allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra: pip install -e '.[test]'")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextmanager
def chromium(qtbot: QtBot, width: int, height: int, *, scale: float = 2, mobile: bool = True) -> Iterator[Any]:
    """A headless chromium showing a viewport of ``width``×``height`` CSS pixels; quit and its profile removed
    afterwards."""
    profile = tempfile.mkdtemp(prefix="ceremony-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = in_thread(qtbot, lambda: webdriver.Chrome(service=Service(CHROMEDRIVER), options=options), 60_000)
    try:
        resize(driver, width, height, scale=scale, mobile=mobile)
        yield driver
    finally:
        in_thread(qtbot, driver.quit, 60_000)
        shutil.rmtree(profile, ignore_errors=True)


def resize(driver: Any, width: int, height: int, *, scale: float = 2, mobile: bool = True) -> None:
    metrics = {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def wait(qtbot: QtBot, driver: Any, condition: Callable[[Any], Any], timeout: float = 20) -> Any:
    """Wait in a thread (the Qt loop serves meanwhile) until ``condition(driver)`` is truthy."""
    return in_thread(qtbot, lambda: WebDriverWait(driver, timeout).until(condition), int(timeout * 1000) + 10_000)


def shows(element_id: str, expected: str) -> Callable[[Any], bool]:
    return lambda driver: driver.find_element(By.ID, element_id).text == expected


def script(qtbot: QtBot, driver: Any, code: str, *args: Any) -> Any:
    """Run JavaScript in the page (from a thread, so the show's server keeps answering the page)."""
    return in_thread(qtbot, lambda: driver.execute_script(code, *args))
