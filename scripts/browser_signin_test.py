"""Browser sign-in flow of a private server, driven in headless Chromium through chromedriver.

    python browser_signin_test.py BASE_URL READ_TOKEN SCREENSHOT_DIR

BASE_URL is the server as the browser should see it (http://localhost:PORT: browsers keep a
Secure cookie from http://localhost, and the server's cookie is always Secure). Prints one line
per check and exits 1 if any failed. Run by scripts/browser-signin-test.sh, which starts the
server and installs what this needs.
"""

import json
import os
import sys
import tempfile
import time
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import InvalidSessionIdException, NoSuchElementException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

COOKIE = "monazite_session"
failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else f" ({detail})"))
    if not ok:
        failures += 1


def path_of(url):
    return urlsplit(url).path


def session_cookie(driver):
    return next((c for c in driver.get_cookies() if c["name"] == COOKIE), None)


# What chromedriver says when the browser itself has died or its session has ended.
BROWSER_GONE = ("not reachable", "session deleted", "disconnected", "crashed", "no such window")


def submit(driver, button):
    """Clicks a form's submit button and waits until the next page has replaced this one.

    The page is marked before the click and the wait ends once a fully loaded document without
    the mark answers. Asking mid-navigation can fail in ways that depend on the Chromium release
    (Chromium 156 answers "Node with given id does not belong to the document" where older ones
    said "stale element"), so a driver error while the page changes means "not yet"; one that
    says the browser or its session is gone is raised at once, not waited out as a timeout.
    """
    def loaded(d):
        try:
            return d.execute_script("return window.__monaziteBeforeSubmit !== true && document.readyState === 'complete'")
        except InvalidSessionIdException:
            raise
        except WebDriverException as e:
            if any(gone in (e.msg or "") for gone in BROWSER_GONE):
                raise
            return False

    driver.execute_script("window.__monaziteBeforeSubmit = true")
    button.click()
    WebDriverWait(driver, 10).until(loaded)


def sign_in(driver, token):
    field = driver.find_element(By.ID, "token")
    field.clear()
    field.send_keys(token)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/signin'] button[type=submit]"))


def main():
    base, token, shots = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1400"):
        options.add_argument(flag)
    # The network log gives each response's status and the cookies sent with each request.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # Table downloads land here, without asking.
    downloads = tempfile.mkdtemp(prefix="monazite-downloads-")
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    # The Debian chromedriver, named so Selenium does not look for a driver to download.
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        run(driver, base, token, shots, downloads)
    finally:
        driver.quit()
    if failures:
        print(f"browser sign-in test: {failures} check(s) failed")
        return 1
    print("browser sign-in test passed")
    return 0


def network(driver):
    """The page loads (documents, not images) since the last call, in order. A load follows its
    redirects under one request id: a dict with `hops`, each (method, url, status), and `cookies`,
    the Cookie headers the browser sent along the way."""
    loads = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        method = message["method"]
        load = loads.setdefault(params.get("requestId"), {"hops": [], "cookies": [], "document": False})
        if method == "Network.requestWillBeSent":
            if "redirectResponse" in params and load["hops"]:
                load["hops"][-1][2] = params["redirectResponse"]["status"]
            load["document"] = load["document"] or params.get("type") == "Document"
            load["hops"].append([params["request"]["method"], params["request"]["url"], None])
        elif method == "Network.requestWillBeSentExtraInfo":
            headers = {k.lower(): v for k, v in params.get("headers", {}).items()}
            load["cookies"].append(headers.get("cookie", ""))
        elif method == "Network.responseReceived" and load["hops"]:
            load["hops"][-1][2] = params["response"]["status"]
    return [load for load in loads.values() if load["document"] and load["hops"]]


def load_of(loads, method, url):
    """The last load that started as `method url`: its first hop's status, where it ended, and
    whether `cookie` (a name=value pair) went with it; an empty dict when there is none."""
    for load in reversed(loads):
        first = load["hops"][0]
        if first[0] == method and first[1] == url:
            return {"status": first[2], "ended": load["hops"][-1][1], "cookies": load["cookies"]}
    return {}


def sent(load, pair):
    return any(pair in header for header in load.get("cookies", []))


def downloaded(directory, seconds=10):
    """The first finished download in `directory` (name and text), waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [f for f in os.listdir(directory) if not f.endswith(".crdownload")]
        if done:
            with open(os.path.join(directory, done[0]), encoding="utf-8", errors="replace") as f:
                return done[0], f.read()
        time.sleep(0.2)
    return None, ""


def check_claims(driver, base, shots, downloads):
    """A pasted article is checked, and its claims table downloads: the download posts the article
    again (a form), so the text is in no URL the browser asks for."""
    driver.get(base + "/claims")
    area = driver.find_element(By.CSS_SELECTOR, "form[method=post] textarea[name=text]")
    area.send_keys("China exported 3,188 tonnes of rare earth magnets in June 2025.\nShipments to the U.S. surged 660% in June 2025.")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[aria-label='Check an article'] button[type=submit]"))
    marks = driver.find_elements(By.CSS_SELECTOR, "div.article mark")
    check(len(marks) == 2 and "verdict-agrees" in (marks[0].get_attribute("class") or ""), "a pasted article comes back with its two claims marked", str(len(marks)))
    driver.save_screenshot(f"{shots}/claims-signed-in.png")
    network(driver)
    buttons = driver.find_elements(By.CSS_SELECTOR, "form.table-actions button[type=submit]")
    check(len(buttons) == 2 and buttons[0].text == "Download this table as CSV", "the claims table has its CSV and XLSX download buttons", str([b.text for b in buttons]))
    if not buttons:
        return
    buttons[0].click()
    name, text = downloaded(downloads)
    check(name is not None and name.endswith(".csv"), "the CSV button downloads a .csv file", str(name))
    rows = text.splitlines()
    check(len(rows) == 3 and rows[0].startswith("n,line,text,measure,value,period,series,verdict,") and ",agrees," in rows[1], "the file holds the header and the two claims, the first agreeing", text[:300])
    # The browser posts CR LF line ends: each claim keeps its own line (both were on line 1 until 2026-12-01).
    check([r.split(",")[1] for r in rows[1:]] == ["1", "2"], "the claims are on lines 1 and 2 of the pasted text", text[:300])
    loads = network(driver)
    hops = [hop for load in loads for hop in load["hops"]]
    check(any(h[0] == "POST" and h[1] == base + "/claims?format=csv&table=claims" and h[2] == 200 for h in hops), "the download was a POST to /claims?format=csv&table=claims, answered 200", str(hops))
    asked = [h[1] for h in hops] + [driver.current_url]
    check(not any("text=" in url for url in asked), "no URL the browser asked for holds the article", str(asked))


def run(driver, base, token, shots, downloads):
    # 1. Signed out, the dashboard sends the browser to the sign-in form.
    driver.get(base + "/")
    check(path_of(driver.current_url) == "/signin", "a signed-out browser opening / lands on /signin", driver.current_url)
    check(bool(driver.find_elements(By.CSS_SELECTOR, "form[method=post][action='/signin'] input#token[type=password]")), "the sign-in form has a password field for the token")
    check(not driver.find_elements(By.CSS_SELECTOR, "[role=alert]"), "no error shown before a try")

    # 2. A wrong token is refused with a visible message, and no cookie is set.
    sign_in(driver, "mzt_" + "0" * 64)
    check(path_of(driver.current_url) == "/signin", "a wrong token stays on /signin", driver.current_url)
    alerts = driver.find_elements(By.CSS_SELECTOR, "p.error[role=alert]")
    check(bool(alerts) and alerts[0].is_displayed() and "unknown, revoked or expired" in alerts[0].text, "a wrong token is refused with a visible message", alerts[0].text if alerts else "no alert")
    check(session_cookie(driver) is None, "a wrong token sets no cookie")
    refusal = load_of(network(driver), "POST", base + "/signin")
    check(refusal.get("status") == 401, "the refusal is a 401", str(refusal))
    driver.save_screenshot(f"{shots}/signin-refused.png")

    # 3. The read token opens the dashboard: home with the June 2025 figures.
    sign_in(driver, token)
    check(path_of(driver.current_url) == "/", "a good read token lands on the dashboard home", driver.current_url)
    check("What holds today" in driver.page_source and "HS 8505.11" in driver.page_source, "the home page renders (what holds today, HS 8505.11)")
    june = driver.find_elements(By.ID, "q-WLD-2025-06")
    check(bool(june) and june[0].text == "3,188" and june[0].get_attribute("data-tonnes") == "3188", "the home page shows June 2025 magnet exports, 3,188 t", june[0].text if june else "no June 2025 cell")
    buttons = driver.find_elements(By.CSS_SELECTOR, "header form.signout[method=post][action='/signout'] button[type=submit]")
    check(bool(buttons) and buttons[0].is_displayed() and buttons[0].text == "Sign out", "a visible Sign out button in the header, a POST form")
    driver.save_screenshot(f"{shots}/signed-in.png")
    driver.set_window_size(390, 1200)
    check(buttons[0].is_displayed() if buttons else False, "the Sign out button shows on a phone-wide window too")
    driver.save_screenshot(f"{shots}/signed-in-phone.png")
    driver.set_window_size(1280, 1400)

    # 4. The cookie: HttpOnly (scripts cannot read it), Secure, SameSite=Strict, and not the token.
    cookie = session_cookie(driver)
    check(cookie is not None, "the browser keeps the session cookie")
    if cookie is None:
        return
    check(cookie.get("httpOnly") is True, "the cookie is HttpOnly")
    check(cookie.get("secure") is True, "the cookie is Secure (kept over http://localhost)")
    check(cookie.get("sameSite") == "Strict", "the cookie is SameSite=Strict", str(cookie.get("sameSite")))
    check(token not in cookie["value"], "the cookie holds a session id, not the token")
    visible = driver.execute_script("return document.cookie")
    check(COOKIE not in visible and cookie["value"] not in visible, "document.cookie does not show it", repr(visible))

    # 5. Another dashboard page opens with the cookie alone.
    driver.get(base + "/trade/8505.11/CHN?from=2025-01&to=2025-12")
    check(path_of(driver.current_url).startswith("/trade/") and "3,188" in driver.page_source, "the trade page opens with the cookie (June 2025, 3,188 t)")

    # 5b. The claims checker, signed in: a form post, and its table's download (a post too).
    check_claims(driver, base, shots, downloads)

    # 6. The API in the same browser: the cookie is sent, and the answer is still a JSON 401.
    network(driver)
    driver.get(base + "/api/v1/series")
    api = load_of(network(driver), "GET", base + "/api/v1/series")
    check(sent(api, COOKIE + "=" + cookie["value"]), "the browser sends the cookie to the API too", str(api))
    check(api.get("status") == 401, "the API answers 401 to the cookie", str(api))
    try:
        error = json.loads(driver.find_element(By.TAG_NAME, "body").text)["error"]
        check(error.get("status") == 401 and error.get("code") == "missing_token", "the API's 401 is its JSON error (missing_token)", json.dumps(error))
    except (ValueError, KeyError, TypeError, NoSuchElementException) as e:
        check(False, "the API's 401 is its JSON error", repr(e))

    # 7. Sign out with the button: back to the form, the cookie gone.
    driver.get(base + "/")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "header form.signout button[type=submit]"))
    check(path_of(driver.current_url) == "/signin" and bool(driver.find_elements(By.ID, "token")), "the Sign out button leads back to the sign-in form", driver.current_url)
    check(session_cookie(driver) is None, "signing out clears the cookie in the browser")
    driver.get(base + "/policy")
    check(path_of(driver.current_url) == "/signin", "signed out, a dashboard page sends the browser to sign in")

    # 8. The old cookie put back by hand opens nothing: the session ended on the server.
    driver.add_cookie({"name": COOKIE, "value": cookie["value"], "path": "/", "httpOnly": True, "secure": True, "sameSite": "Strict"})
    network(driver)
    driver.get(base + "/")
    again = load_of(network(driver), "GET", base + "/")
    check(sent(again, COOKIE + "=" + cookie["value"]), "the old cookie is sent again", str(again))
    check(again.get("status") == 303 and again.get("ended") == base + "/signin", "and answered with a redirect to sign in", str(again))
    check(path_of(driver.current_url) == "/signin", "the old cookie no longer opens the dashboard", driver.current_url)
    check(session_cookie(driver) is None, "the server clears the dead cookie")


if __name__ == "__main__":
    sys.exit(main())
