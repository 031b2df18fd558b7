# Writes Sources/MonaziteServer/Resources/openapi.json, the OpenAPI 3.1 document of the API.
# Edit here, run `python3 scripts/openapi_document.py`, and let OpenAPIConformanceTests check it
# against the router and the responses.
import csv
import json
import os as _os
# The countries of the bundled project file, the only values /api/v1/projects?country= accepts.
with open(_os.path.join(_os.path.dirname(_os.path.abspath(__file__)), '..', 'data', 'projects', 'us_allied_ree_projects.csv'), newline='') as _f:
    PROJECT_COUNTRIES = sorted({row["country"] for row in csv.DictReader(_f)})
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
def ok(desc, schema, ctype="application/json"): return {"description": desc, "content": {ctype: {"schema": schema}}}
def qp(name, desc, schema=None, required=False, example=None):
    p = {"name": name, "in": "query", "required": required, "description": desc, "schema": schema or {"type": "string"}}
    if example is not None: p["example"] = example
    return p
num_or_null = {"type": ["number", "null"]}
str_or_null = {"type": ["string", "null"]}
reporter = qp("reporter", "Reporting country: an ISO 3166-1 alpha-3 code in upper case, such as CHN (the default) or USA.", example="CHN")
partner = qp("partner", "Partner country: an ISO 3166-1 alpha-3 code in upper case, or WLD for the world (the default).", example="WLD")
flow = qp("flow", "export, import, re-export or re-import (default export).", {"type": "string", "enum": ["export", "import", "re-export", "re-import"]})
commodity = qp("commodity", "An HS code of 2, 4, 6, 8 or 10 digits (8505.11 or 850511; the default is 8505.11), or a customs aggregate: cn-rare-earths, cn-dysprosium, cn-terbium.", example="8505.11")
as_of = qp("as_of", "Answer with the releases published on or before this date (YYYY-MM-DD).", {"type": "string", "format": "date"})
limit = qp("limit", "Items per page, 1 to 5000 (default 1000).", {"type": "integer", "minimum": 1, "maximum": 5000})
offset = qp("offset", "Items to skip (default 0).", {"type": "integer", "minimum": 0})
period = lambda req, ex: qp("period", "A period: YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn (years 1000-2999), or a day YYYY-MM-DD for its month. (Ranges such as 2025-01..2025-06 are for the CLI.)", required=req, example=ex)
bad = err("A parameter is malformed, unknown or out of range; the message says which and why.")
nf = err("Nothing stored answers the query.")
unauth = err("A token is needed, or the one sent is unknown or revoked.")
def throttled(desc):
    r = err(desc)
    r["headers"] = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer", "minimum": 1}}}
    return r
doc = {
 "openapi": "3.1.0",
 "info": {"title": "Monazite API", "version": "1.0.0",
   "description": "Rare-earth supply-chain intelligence: trade series with their changes, partners and concentration, net import reliance, sources, imports and disruption simulations. Every figure carries its source. Reads are public unless the server runs with --private; writes need a bearer token (`monazite tokens create NAME`). Errors always have the body {\"error\": {\"status\", \"code\", \"message\", \"parameter\"?, \"issues\"?}}.",
   "license": {"name": "Data: see /api/v1/sources for each source's terms"}},
 "servers": [{"url": "/"}],
 "paths": {
  "/health": {"get": {"operationId": "health", "summary": "Whether the server and its store answer.", "responses": {"200": ok("Healthy.", ref("Health")), "503": ok("The store cannot be read.", {"type": "object"})}}},
  "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics: request counts and latency histograms by route.", "responses": {"200": ok("Prometheus text format 0.0.4.", {"type": "string"}, "text/plain")}}},
  "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document.", "responses": {"200": ok("OpenAPI 3.1.", {"type": "object"})}}},
  "/api/v1/series": {"get": {"operationId": "listSeries", "summary": "The trade series the store holds, with their coverage.", "parameters": [limit, offset],
     "responses": {"200": ok("A page of series.", {"type": "object", "required": ["data", "paging"], "properties": {"data": {"type": "array", "items": ref("SeriesInfo")}, "paging": ref("Paging")}}), "400": bad}}},
  "/api/v1/trade": {"get": {"operationId": "tradeSeries", "summary": "A trade series with MoM, YoY, YTD and rolling sums: the JSON contract of the trade query (an array in period order; missing months are listed with null figures and a reason in notes).",
     "parameters": [reporter, partner, flow, commodity, qp("from", "First period (default: first stored).", example="2025-01"), qp("to", "Last period (default: last stored); at most 50 years after from.", example="2025-12"),
        qp("frequency", "month, quarter, half or year (default month).", {"type": "string", "enum": ["month", "quarter", "half", "year"]}), as_of, limit, offset],
     "responses": {"200": {"description": "Rows in period order. Headers X-Total-Count and, when more rows follow, Link rel=next.",
          "headers": {"X-Total-Count": {"schema": {"type": "integer"}, "description": "Rows in the whole range."}, "Link": {"schema": {"type": "string"}, "description": "The next page, if any."}},
          "content": {"application/json": {"schema": {"type": "array", "items": ref("TradeRow")}}}}, "400": bad, "404": nf}}},
  "/api/v1/trade/summary": {"get": {"operationId": "tradeSummary", "summary": "Headline figures of a month: world total, changes (ours beside published), year to date, destinations with shares.",
     "parameters": [reporter, flow, commodity, period(False, "2025-06"), as_of],
     "responses": {"200": ok("The month's summary (without period: the latest month with a world figure released by as_of, all releases without it; the first note says the month was chosen so, and which months the series' release rhythm says are due and missing).", ref("Summary")), "400": bad, "404": nf}}},
  "/api/v1/briefings/{period}": {"get": {"operationId": "briefing", "summary": "The monthly briefing on China's HS 8505.11 magnet exports: the month's summary, 13 months for a chart, policy acts of the month and what holds on the briefing's date, prices and spreads, freshness. As `monazite briefing PERIOD --format json`.",
     "parameters": [{"name": "period", "in": "path", "required": True, "schema": {"type": "string"}, "example": "2025-06"},
        qp("today", "The day the briefing is made (default: today, UTC).", {"type": "string", "format": "date"})],
     "responses": {"200": ok("The briefing; `missing` says why there are no trade figures when the month is after the latest stored one.", ref("Briefing")), "400": bad, "404": nf}}},
  "/api/v1/partners": {"get": {"operationId": "partners", "summary": "Partner shares and ranks for a period, with HHI (DOJ bands), CR1, CR3 and the N-1 residual.",
     "parameters": [reporter, flow, commodity, period(True, "2025-06"), as_of],
     "responses": {"200": ok("Partners and concentration.", ref("Partners")), "400": bad, "404": nf}}},
  "/api/v1/reliance": {"get": {"operationId": "reliance", "summary": "Net import reliance per year from the USGS salient statistics, computed beside the published figure.",
     "parameters": [qp("country", "Country (alpha-3, default USA).", example="USA"), qp("edition", "Edition, e.g. MCS 2025 (default: every stored edition, side by side).")],
     "responses": {"200": ok("Reliance by year.", ref("Reliance")), "400": bad, "404": nf}}},
  "/api/v1/prices": {"get": {"operationId": "prices", "summary": "Cited rare-earth price quotes (bundled, data/prices/), each with its source; with currency=USD or ex_vat=true also USD/kg figures (derived: cited FX rate within 45 days, VAT removal stated). The answer of `monazite prices`. See docs/prices.md.",
     "parameters": [qp("product", "A product, e.g. NdPr oxide, Dy oxide, Tb oxide."), qp("basis", "Market basis.", {"type": "string", "enum": ["China domestic", "FOB China", "CIF Rotterdam", "CIF Europe", "Europe", "US"]}),
        qp("from", "First date (YYYY-MM-DD, YYYY-MM or YYYY-Qn).", example="2025-05"), qp("to", "Last date (YYYY-MM-DD, YYYY-MM or YYYY-Qn).", example="2025-12"),
        qp("currency", "USD: add derived USD/kg figures.", {"type": "string", "enum": ["USD"]}, example="USD"), qp("ex_vat", "true: remove VAT the quote includes (implies USD).", {"type": "string", "enum": ["true", "false"]}, example="true")],
     "responses": {"200": ok("Quotes in date order, with notes.", {"type": "object", "required": ["prices", "notes"], "properties": {"prices": {"type": "array", "items": {"type": "object", "required": ["date", "product", "basis", "low", "high", "unit", "vat_included", "publisher", "url"]}}, "notes": {"type": "array", "items": {"type": "string"}}}}), "400": bad}}},
  "/api/v1/spreads": {"get": {"operationId": "spreads", "summary": "Ex-China / China price ratios per product and date, both bases named, and the monthly stress index (all derived). The answer of `monazite spreads`. See docs/prices.md.",
     "parameters": [qp("product", "A product, e.g. Dy oxide.")],
     "responses": {"200": ok("Spreads and the stress index.", {"type": "object", "required": ["spreads", "stress_index", "notes"], "properties": {"spreads": {"type": "array", "items": {"type": "object", "required": ["product", "date", "ex_china_basis", "china_basis", "ratio", "status"]}}, "stress_index": {"type": "array", "items": {"type": "object", "required": ["month", "index", "products", "spread_count", "status"]}}, "notes": {"type": "array", "items": {"type": "string"}}}}), "400": bad}}},
  "/api/v1/projects": {"get": {"operationId": "projects", "summary": "US and allied rare-earth projects (bundled, data/projects/us_allied_ree_projects.csv), each row cited: stage, capacity in the row's own unit, status with date and class, start year, investment, public support. The answer of `monazite projects`. See docs/projects.md.",
     "parameters": [qp("country", "Country as written in the project file (the values listed).", {"type": "string", "enum": PROJECT_COUNTRIES}, example="US"), qp("stage", "A stage the row names.", {"type": "string", "enum": ["mine", "separation", "metal/alloy", "metal", "magnet", "recycling"]}, example="magnet")],
     "responses": {"200": ok("Project rows in file order, with notes.", {"type": "object", "required": ["projects", "notes"], "properties": {"projects": {"type": "array", "items": {"type": "object", "required": ["project", "country", "stage", "stages", "capacity_value", "capacity_unit", "status", "status_class", "status_asof", "start_year", "source", "url", "line"]}}, "notes": {"type": "array", "items": {"type": "string"}}}}), "400": bad}}},
  "/api/v1/outlook": {"get": {"operationId": "outlook", "summary": "The pipeline outlook (derived): capacity by stage, unit and year as announced and probability-weighted; the magnet stage (t NdFeB) against US demand and IEA world magnet-REE demand; and a seeded Monte Carlo of project success and delay giving the year non-China magnet supply first covers `share` % of US demand as P10/P50/P90 (or not within the horizon, with the fraction of draws). Assumptions from data/projects/outlook-assumptions.yaml. The answer of `monazite outlook`. See docs/projects.md.",
     "parameters": [qp("share", "Target share of US demand in percent, above 0 and at most 1000 (default 50).", {"type": "number", "exclusiveMinimum": 0, "maximum": 1000}, example="50"), qp("draws", "Monte Carlo draws, 1-100000 (default 10000).", {"type": "integer", "minimum": 1, "maximum": 100000}, example="2000"),
        qp("seed", "Random seed, 0 or more (default 1).", {"type": "integer", "minimum": 0, "maximum": 9007199254740991}, example="7"), qp("horizon", "Last year, from `from` to `from` + 50 (default 2035).", {"type": "integer", "minimum": 2000, "maximum": 2150}, example="2035"),
        qp("from", "First year, 2000-2100 (default: the year of the latest status date in the project file).", {"type": "integer", "minimum": 2000, "maximum": 2100}, example="2026"),
        qp("scenario", "IEA scenario for world demand.", {"type": "string", "enum": ["STEPS", "APS", "NZE"]}, example="STEPS")],
     "responses": {"200": ok("The outlook.", {"type": "object", "required": ["parameters", "coverage", "stage_years", "magnet", "contributions", "excluded", "demand", "assumptions", "notes"], "properties": {
        "coverage": {"type": "object", "required": ["share_pct", "p10", "p50", "p90", "within_horizon", "headline"]},
        "stage_years": {"type": "array", "items": {"type": "object", "required": ["stage", "unit", "year", "announced", "weighted", "projects"]}},
        "magnet": {"type": "array", "items": {"type": "object", "required": ["year", "announced_t", "weighted_t", "us_demand_t", "target_t", "supply_p10_t", "supply_p50_t", "supply_p90_t", "covered", "iea_world_magnet_ree_kt", "iea_status"]}},
        "notes": {"type": "array", "items": {"type": "string"}}}}), "400": bad}}},
  "/api/v1/contracts/{id}": {"get": {"operationId": "contract", "summary": "A floor-price contract's quarterly top-ups for a price path (all derived): max(0, floor − reference) × tonnes. The only contract is dod-mp-materials (US DoD – MP Materials NdPr, USD 110/kg, terms cited). The answer of `monazite contract` (a scenario price file is CLI-only). See docs/prices.md.",
     "parameters": [{"name": "id", "in": "path", "required": True, "description": "The contract: dod-mp-materials.", "schema": {"type": "string", "enum": ["dod-mp-materials"]}, "example": "dod-mp-materials"},
        qp("constant", "A constant reference price in USD/kg (default: the bundled China NdPr oxide history, VAT removed, quarter mean).", {"type": "number", "minimum": 0, "maximum": 1000000}, example=80),
        qp("tonnes_per_quarter", "Volume per quarter in tonnes (default: MP's reported sales).", {"type": "number", "minimum": 0, "maximum": 1000000}, example=250),
        qp("periods", "Quarters of the term (2025-Q4 to 2035-Q3), comma-separated (default: those with a volume).", {"type": "string", "pattern": "^(2025-Q4|202[6-9]-Q[1-4]|203[0-4]-Q[1-4]|2035-Q[1-3])(,(2025-Q4|202[6-9]-Q[1-4]|203[0-4]-Q[1-4]|2035-Q[1-3]))*$"}, example="2026-Q1,2026-Q2")],
     "responses": {"200": ok("The contract, the path, each quarter's top-up and the total.", {"type": "object", "required": ["contract", "path", "top_ups", "total", "notes"], "properties": {
         "contract": {"type": "object", "required": ["name", "product", "floor", "currency", "unit", "start", "term_years", "volumes", "terms", "not_modelled"]},
         "path": {"type": "string"}, "total": num_or_null,
         "top_ups": {"type": "array", "items": {"type": "object", "required": ["period", "reference_points", "status"], "properties": {"period": {"type": "string"}, "reference_price": num_or_null, "reference_points": {"type": "integer"}, "tonnes": num_or_null, "payment": num_or_null, "volume_source": str_or_null, "reason": str_or_null, "status": {"type": "string"}}}},
         "notes": {"type": "array", "items": {"type": "string"}}}}), "400": bad, "404": err("No contract has that id.")}}},
  "/api/v1/sources": {"get": {"operationId": "sources", "summary": "What the store holds, by source, with URLs and release dates.", "parameters": [limit, offset],
     "responses": {"200": ok("A page of sources.", {"type": "object", "required": ["data", "paging"], "properties": {"data": {"type": "array", "items": ref("Source")}, "paging": ref("Paging")}}), "400": bad}}},
  "/api/v1/imports": {"post": {"operationId": "importFile", "summary": "Import a file (the request body), all or nothing. Needs a token.", "security": [{"bearer": []}],
     "parameters": [qp("format", "observations, comtrade, usgs-salient, usgs-world, indicators or prices (default: from the header).", {"type": "string", "enum": ["observations", "comtrade", "usgs-salient", "usgs-world", "indicators", "prices"]}),
        qp("name", "File name used in messages (default upload.csv)."), qp("release", "Release date for formats without a release column.", {"type": "string", "format": "date"}),
        qp("source", "Source name for formats without a source column."), qp("url", "Source URL for formats without a url column."), qp("country", "Country of a USGS table (default USA).")],
     "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
     "responses": {"201": ok("Imported; some figures were new.", ref("ImportReport")), "200": ok("Nothing new: the store is unchanged.", ref("ImportReport")),
        "400": bad, "401": unauth, "403": err("The token's scope is too narrow: imports need write (insufficient_scope)."), "409": err("A figure conflicts with a stored one of the same release."), "413": err("The body is larger than the server accepts."),
        "422": err("The file was rejected; error.issues lists file:line:column: reason. Nothing was imported."),
        "429": throttled("Over the caller's rate limit (rate_limited; Retry-After says when to try again)."),
        "507": err("The server's disk is full (insufficient_storage); nothing was imported and the store is unchanged.")}}},
  "/api/v1/simulations": {
     "get": {"operationId": "listSimulations", "summary": "Simulation jobs, newest first (kept in memory).", "parameters": [limit, offset],
        "responses": {"200": ok("A page of jobs.", {"type": "object", "required": ["data", "paging"], "properties": {"data": {"type": "array", "items": ref("SimulationJob")}, "paging": ref("Paging")}}), "400": bad}},
     "post": {"operationId": "submitSimulation", "summary": "Start a disruption simulation (Monte Carlo) in the background.",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": False, "properties": {
            "scenario": {"type": "string", "description": "A bundled scenario's name."}, "scenario_yaml": {"type": "string", "description": "A scenario file's text (networks: bundled names only)."},
            "runs": {"type": "integer", "minimum": 1, "maximum": 5000}, "seed": {"type": "integer", "minimum": 0}}}, "example": {"scenario": "april-2025-heavy-licensing", "runs": 200, "seed": 1}}}},
        "responses": {"202": ok("Accepted; poll the Location.", ref("SimulationJob")), "400": bad, "413": err("The body is larger than the server accepts."), "422": err("The scenario is invalid."),
        "401": err("On a private server, or when a token is sent: the token is missing, unknown, revoked or expired."),
        "403": err("The token's scope is too narrow: simulation jobs need write (insufficient_scope)."),
        "429": throttled("Over the caller's rate limit (rate_limited; Retry-After says when to try again), or too many jobs queued or running (too_many_jobs).")}}},
  "/api/v1/simulations/{id}": {"get": {"operationId": "simulation", "summary": "A simulation job's state.", "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
     "responses": {"200": ok("The job.", ref("SimulationJob")), "400": bad, "404": nf}}},
  "/api/v1/simulations/{id}/result": {"get": {"operationId": "simulationResult", "summary": "A finished simulation's summary: shortfall, days short, P(stock-out) by sector and country, with assumptions and sources.",
     "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
     "responses": {"200": ok("The summary.", ref("SimulationResult")), "400": bad, "404": nf, "409": err("Not finished yet."), "422": err("The simulation failed.")}}},
 },
 "components": {
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "A token from `monazite tokens create NAME`."}},
  "schemas": {
   "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
       "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}, "parameter": {"type": "string"}, "issues": {"type": "array", "items": {"type": "string"}}}}}},
   "Paging": {"type": "object", "required": ["limit", "offset", "total", "next_offset"], "properties": {"limit": {"type": "integer"}, "offset": {"type": "integer"}, "total": {"type": "integer"}, "next_offset": {"type": ["integer", "null"]}}},
   "Health": {"type": "object", "required": ["status", "figures"], "properties": {"status": {"type": "string"}, "figures": {"type": "object"}}},
   "Provenance": {"type": "object", "required": ["source", "url", "release"], "properties": {"source": {"type": "string"}, "url": str_or_null, "release": str_or_null}},
   "SeriesInfo": {"type": "object", "required": ["reporter", "partner", "flow", "commodity", "first", "last", "figures"], "properties": {
       "reporter": {"type": "string"}, "partner": {"type": "string"}, "flow": {"type": "string"}, "commodity": {"type": "string"}, "first": {"type": "string"}, "last": {"type": "string"}, "figures": {"type": "integer"}}},
   "TradeRow": {"type": "object", "required": ["period", "quantity_t", "mom_pct", "yoy_pct", "ytd_t", "ytd_yoy_pct", "status", "source", "sources", "notes"], "properties": {
       "period": {"type": "string"}, "quantity_t": num_or_null, "value_usd": num_or_null, "unit_value_usd_per_kg": num_or_null, "mom_pct": num_or_null, "yoy_pct": num_or_null,
       "ytd_t": num_or_null, "ytd_yoy_pct": num_or_null, "rolling_3m_t": num_or_null, "rolling_12m_t": num_or_null, "reported_mom_pct": num_or_null, "reported_yoy_pct": num_or_null,
       "status": {"type": ["string", "null"], "enum": ["reported", "derived", "estimate", None]}, "source": str_or_null, "sources": {"type": "array", "items": ref("Provenance")}, "notes": {"type": "array", "items": {"type": "string"}}}},
   "Summary": {"type": "object", "required": ["period", "headline", "reporter", "commodity", "flow", "items", "ytd_t", "ytd_yoy_pct", "notes"], "properties": {
       "period": {"type": "string"}, "headline": {"type": "string"}, "reporter": {"type": "string"}, "commodity": {"type": "string"}, "flow": {"type": "string"},
       "items": {"type": "array", "items": {"type": "object", "required": ["label", "partner", "quantity_t", "share_of_world", "mom_pct", "yoy_pct", "sources"], "properties": {
           "label": {"type": "string"}, "partner": {"type": "string"}, "quantity_t": num_or_null, "share_of_world": num_or_null, "mom_pct": num_or_null, "yoy_pct": num_or_null, "sources": {"type": "array", "items": ref("Provenance")}}}},
       "ytd_t": num_or_null, "ytd_yoy_pct": num_or_null, "notes": {"type": "array", "items": {"type": "string"}}}},
   "Briefing": {"type": "object", "required": ["period", "on", "today", "reporter", "commodity", "flow", "missing", "summary", "chart", "acts_in_month", "holding", "anomalies", "dependence", "dependence_missing", "freshness", "latest_month", "prices", "pipeline", "not_in_this_build"], "properties": {
       "pipeline": {"type": "object", "description": "Non-China sintered NdFeB capacity in the briefing's year (as announced and probability-weighted, derived), the US demand figure it is set against, the Monte Carlo coverage year (P10/P50/P90) and the project rows counted with their sources. See docs/projects.md.",
                    "required": ["year", "status_asof", "magnet", "coverage", "demand", "contributions", "notes"]},
       "period": {"type": "string"}, "on": {"type": "string"}, "today": {"type": "string"}, "reporter": {"type": "string"}, "commodity": {"type": "string"}, "flow": {"type": "string"},
       "missing": str_or_null, "summary": {"oneOf": [ref("Summary"), {"type": "null"}]}, "chart": {"type": "array", "items": ref("TradeRow")},
       "acts_in_month": {"type": "object", "required": ["on", "events", "notes"]}, "holding": {"type": "object", "required": ["on", "measures", "notes"]},
       "anomalies": {"type": "array", "items": {"type": "object", "required": ["month", "direction", "events"]}},
       "dependence": {"type": "array", "items": {"type": "object", "required": ["year", "edition"]}}, "dependence_missing": str_or_null,
       "freshness": {"type": "string"}, "latest_month": str_or_null,
       "prices": {"type": "object", "description": "NdPr, Dy and Tb oxide quotes dated in the month (USD/kg derived, VAT as published), or each product and basis's latest quote before the month's end when the month has none; the month's ex-China / China spreads and stress index (derived).",
                  "required": ["month_has_quotes", "quotes", "latest_quote_date", "missing", "spreads", "stress_index", "notes"], "properties": {
           "month_has_quotes": {"type": "boolean"}, "quotes": {"type": "array", "items": {"type": "object", "required": ["date", "product", "basis", "low", "high", "unit", "vat_included", "publisher", "url"]}},
           "latest_quote_date": str_or_null, "missing": str_or_null,
           "spreads": {"type": "array", "items": {"type": "object", "required": ["spread", "ex_china_quote", "china_quote"]}},
           "stress_index": {"type": ["object", "null"], "required": ["month", "index", "products", "spread_count", "status"]}, "notes": {"type": "array", "items": {"type": "string"}}}},
       "not_in_this_build": {"type": "array", "items": {"type": "string"}}}},
   "Partners": {"type": "object", "required": ["period", "reporter", "commodity", "flow", "total_t", "partners", "hhi", "hhi_band", "cr1", "cr3", "notes"], "properties": {
       "period": {"type": "string"}, "reporter": {"type": "string"}, "commodity": {"type": "string"}, "flow": {"type": "string"}, "total_t": num_or_null, "total_is_reported_world": {"type": "boolean"},
       "world": {"type": ["object", "null"]},
       "partners": {"type": "array", "items": {"type": "object", "required": ["rank", "partner", "name", "quantity_t", "share", "status", "source"], "properties": {
           "rank": {"type": "integer"}, "partner": {"type": "string"}, "name": {"type": "string"}, "quantity_t": num_or_null, "share": num_or_null, "status": {"type": "string"}, "source": ref("Provenance")}}},
       "hhi": num_or_null, "hhi_upper_bound": num_or_null, "hhi_band": {"type": ["string", "null"], "description": "DOJ 2023 band; null when the lower and upper bounds fall in different bands"}, "hhi_band_lower": {"type": "string"}, "hhi_band_upper": {"type": "string"}, "cr1_upper_bound": num_or_null, "n_minus_1_residual_lower_bound": num_or_null, "cr1": num_or_null, "cr3": num_or_null, "n_minus_1_residual": num_or_null, "coverage": num_or_null, "notes": {"type": "array", "items": {"type": "string"}}}},
   "Reliance": {"type": "object", "required": ["country", "country_name", "edition", "editions", "years", "sources", "notes"], "properties": {
       "country": {"type": "string"}, "country_name": {"type": "string"}, "edition": str_or_null, "editions": {"type": "array", "items": {"type": "string"}},
       "sources": {"type": "array", "items": ref("Provenance")}, "notes": {"type": "array", "items": {"type": "string"}},
       "years": {"type": "array", "items": {"type": "object", "required": ["year", "edition", "estimated", "nir_computed_pct", "nir_published", "agrees", "revised_by", "source"], "properties": {
           "year": {"type": "integer"}, "edition": {"type": "string"}, "estimated": {"type": "boolean"}, "production_t": num_or_null, "imports_t": num_or_null, "exports_t": num_or_null, "apparent_consumption_t": num_or_null,
           "nir_computed_pct": num_or_null, "nir_computed_form": str_or_null, "nir_published": str_or_null, "agrees": {"type": ["boolean", "null"]},
           "revised_by": {"type": ["object", "null"], "description": "the next stored edition's figures for the same year"}, "source": {"type": ["object", "null"]},
           "notes": {"type": "array", "items": {"type": "string"}}}}}}},
   "Source": {"type": "object", "required": ["source", "url", "observations", "salient_statistics", "indicators", "derived_or_estimate", "releases"], "properties": {
       "source": {"type": "string"}, "url": str_or_null, "observations": {"type": "integer"}, "salient_statistics": {"type": "integer"}, "indicators": {"type": "integer"}, "derived_or_estimate": {"type": "integer"},
       "first_period": str_or_null, "last_period": str_or_null, "releases": {"type": "array", "items": {"type": "string"}}}},
   "ImportReport": {"type": "object", "required": ["file", "format", "rows", "inserted", "revisions", "unchanged", "skipped", "token"], "properties": {
       "file": {"type": "string"}, "format": {"type": "string"}, "rows": {"type": "integer"}, "inserted": {"type": "integer"}, "revisions": {"type": "integer"}, "unchanged": {"type": "integer"}, "skipped": {"type": "integer"}, "token": {"type": "string"}}},
   "SimulationJob": {"type": "object", "required": ["id", "scenario", "runs", "seed", "state", "submitted_at", "finished_at", "links", "error"], "properties": {
       "id": {"type": "string"}, "scenario": {"type": "string"}, "runs": {"type": "integer"}, "seed": {"type": "integer"}, "state": {"type": "string", "enum": ["queued", "running", "succeeded", "failed"]},
       "submitted_at": {"type": "string"}, "finished_at": str_or_null, "links": {"type": "object"}, "error": str_or_null}},
   "SimulationResult": {"type": "object", "required": ["scenario", "network", "runs", "seed", "horizon_days", "groups", "assumptions", "sources"], "properties": {
       "scenario": {"type": "string"}, "network": {"type": "string"}, "runs": {"type": "integer"}, "seed": {"type": "integer"}, "horizon_days": {"type": "integer"},
       "groups": {"type": "array", "items": {"type": "object", "required": ["group", "shortfall_t_p50", "p_stockout"], "properties": {"group": {"type": "string"}, "shortfall_t_p50": {"type": "number"}, "p_stockout": {"type": "number"}}}},
       "assumptions": {"type": "array"}, "sources": {"type": "array"}}},
  }}}

doc["paths"]["/api/v1/policy/events"] = {"get": {"operationId": "policyEvents", "summary": "The policy timeline (bundled, cited, plus imported events), filtered; each measure with its status on a day (default today, UTC).",
   "parameters": [qp("kind", "export_licensing, prohibition, entity_listing, technology_control, extraterritorial_rule, tariff, agreement, suspension, licence_decision, domestic_regulation, investigation."),
      qp("element", "A rare earth: symbol or name.", example="Dy"), qp("destination", "Destination country (alpha-3).", example="USA"),
      qp("from", "Events starting on or after (YYYY-MM-DD).", {"type": "string", "format": "date"}), qp("to", "Events starting on or before.", {"type": "string", "format": "date"}),
      qp("on", "Day of the status (default today).", {"type": "string", "format": "date"}, example="2025-06-15"), limit, offset],
   "responses": {"200": ok("A page of events.", {"type": "object", "required": ["data", "paging"], "properties": {"data": {"type": "array", "items": ref("PolicyEvent")}, "paging": ref("Paging")}}), "400": bad}}}
doc["paths"]["/api/v1/policy/controls"] = {"get": {"operationId": "policyControls", "summary": "Every measure touching an element, HS code and destination, with its status on a day (in_force, not_yet_effective, suspended, suspension_lapsed, revoked, expired, open) and why.",
   "parameters": [qp("on", "The day (default today, UTC).", {"type": "string", "format": "date"}, example="2025-06-15"), qp("element", "A rare earth: symbol or name.", example="Dy"),
      qp("commodity", "An HS code or prefix.", example="8505.11"), qp("destination", "Destination country (alpha-3).", example="USA")],
   "responses": {"200": ok("The measures.", ref("Controls")), "400": bad}}}
doc["paths"]["/api/v1/anomalies"] = {"get": {"operationId": "anomalies", "summary": "Surges and collapses of a monthly trade series (robust z-scores of log changes, PELT change points), each with the policy events whose scope and timing fit, ranked with evidence.",
   "parameters": [reporter, partner, flow, commodity, qp("threshold", "|z| threshold (default 3.5).", {"type": "number"}), qp("lag_months", "Months an event may lead the anomaly (0-24, default 2).", {"type": "integer", "minimum": 0, "maximum": 24})],
   "responses": {"200": ok("Anomalies and events.", ref("Anomalies")), "400": bad, "404": nf}}}
S = doc["components"]["schemas"]
S["PolicyEvent"] = {"type": "object", "required": ["id", "kind", "actor", "instrument", "title", "scope", "dates", "direction", "source", "verified"], "properties": {
   "id": {"type": "string"}, "kind": {"type": "string"}, "actor": {"type": "string"}, "instrument": {"type": "string"}, "number": str_or_null, "title": {"type": "string"},
   "scope": {"type": "object"}, "dates": {"type": "object"}, "suspends": {"type": "array", "items": {"type": "string"}}, "direction": {"type": "string", "enum": ["tightening", "easing", "neutral"]},
   "source": {"type": "string"}, "url": str_or_null, "verified": {"type": "boolean"}, "note": str_or_null,
   "status": {"type": "object", "required": ["on", "status", "explanation"], "properties": {"on": {"type": "string"}, "status": {"type": "string"}, "explanation": {"type": "string"}}}}}
S["Controls"] = {"type": "object", "required": ["on", "measures", "notes"], "properties": {"on": {"type": "string"}, "element": str_or_null, "commodity": str_or_null, "destination": str_or_null,
   "measures": {"type": "array", "items": {"type": "object", "required": ["event_id", "kind", "status", "explanation", "matched", "dates", "verified", "source"], "properties": {
      "event_id": {"type": "string"}, "kind": {"type": "string"}, "status": {"type": "string", "enum": ["in_force", "not_yet_effective", "suspended", "suspension_lapsed", "revoked", "expired", "open"]},
      "explanation": {"type": "string"}, "matched": {"type": "array", "items": {"type": "string"}}, "dates": {"type": "object"}, "verified": {"type": "boolean"}, "source": {"type": "string"}}}},
   "notes": {"type": "array", "items": {"type": "string"}}}}
S["Anomalies"] = {"type": "object", "required": ["series", "from", "to", "anomalies"], "properties": {"series": {"type": "object"}, "from": {"type": "string"}, "to": {"type": "string"},
   "threshold": {"type": "number"}, "lag_months": {"type": "integer"},
   "anomalies": {"type": "array", "items": {"type": "object", "required": ["month", "direction", "signals", "events"], "properties": {
      "month": {"type": "string"}, "direction": {"type": "string", "enum": ["surge", "collapse"]}, "quantity_t": num_or_null, "strength": {"type": "number"},
      "signals": {"type": "array"}, "events": {"type": "array", "items": {"type": "object", "required": ["id", "title", "day", "score", "evidence"], "properties": {
         "id": {"type": "string"}, "title": {"type": "string"}, "day": {"type": "string"}, "score": {"type": "number"}, "evidence": {"type": "string"}, "url": str_or_null}}}}}},
   "notes": {"type": "array", "items": {"type": "string"}}}}

doc["paths"]["/api/v1/claims"] = {"post": {"operationId": "claims", "summary": "The quantitative claims of an article (plain text, Markdown or HTML), each checked against the store: agrees, disagrees (with the figure the data holds), unverifiable or out_of_scope. Public like the reads; the grammar is in docs/claims.md.",
   "parameters": [qp("published", "Publication date anchoring relative dates (text/plain bodies; default: a date found in the text).", {"type": "string", "format": "date"}, example="2025-07-20")],
   "requestBody": {"required": True, "content": {"text/plain": {"schema": {"type": "string", "maxLength": 524288}},
      "application/json": {"schema": {"type": "object", "required": ["text"], "additionalProperties": False, "properties": {
         "text": {"type": "string", "maxLength": 524288}, "published": {"type": "string", "format": "date"}}}}}},
   "responses": {"200": ok("The claims in text order.", ref("Claims")), "400": bad, "413": err("The article is larger than 512 KiB.")}}}
S["Claims"] = {"type": "object", "required": ["claims", "published", "published_from"], "properties": {
   "published": str_or_null, "published_from": {"type": ["string", "null"], "enum": ["option", "text", None]},
   "claims": {"type": "array", "items": {"type": "object", "required": ["text", "line", "measure", "value", "qualifier", "unit", "period", "reporter", "partner", "flow", "commodity", "verdict", "data_value", "difference", "sources", "notes"], "properties": {
      "text": {"type": "string"}, "line": {"type": "integer"},
      "measure": {"type": "string", "enum": ["level", "mom_pct", "yoy_pct", "ytd", "ytd_yoy_pct", "share_pct", "nir_pct", "production", "price", "count", "other"]},
      "value": {"type": "number"}, "qualifier": {"type": "string", "enum": ["exact", "about", "nearly", "more_than", "less_than", "up_to"]},
      "unit": {"type": "string"}, "period": str_or_null, "reporter": str_or_null, "partner": str_or_null, "flow": str_or_null, "commodity": str_or_null,
      "verdict": {"type": "string", "enum": ["agrees", "disagrees", "unverifiable", "out_of_scope"]}, "data_value": num_or_null, "difference": num_or_null,
      "sources": {"type": "array", "items": {"type": "object", "required": ["source", "url", "release"], "properties": {"source": {"type": "string"}, "url": str_or_null, "release": str_or_null}}},
      "notes": {"type": "array", "items": {"type": "string"}}}}}}}


# ---- The contract made exact: every value the server accepts, and only those (the server checks
# each query parameter against its schema here, DeclaredParameters.swift). ----
import re, os
_here = os.path.dirname(os.path.abspath(__file__))
_country_src = open(os.path.join(_here, '..', 'Sources', 'MonaziteCore', 'Domain', 'Country.swift')).read()
_iso_block = _country_src[_country_src.index('static let iso3166'):]
ISO = sorted(set(re.findall(r'\("([A-Z]{3})", "', _iso_block)))
AGGREGATES = ["WLD", "EUU", "ROW"]
S["Country"] = {"type": "string", "description": "An ISO 3166-1 alpha-3 code (upper case), or WLD (world), EUU (European Union), ROW (rest of world).", "enum": sorted(ISO + AGGREGATES)}
S["CountryISO"] = {"type": "string", "description": "An ISO 3166-1 alpha-3 country code (upper case).", "enum": ISO}
YEAR = "[1-2][0-9]{3}"
MONTH = "(0[1-9]|1[0-2])"
AGG = "cn-rare-earths|cn-dysprosium|cn-terbium"
period_schema = {"anyOf": [
   {"type": "string", "pattern": f"^{YEAR}(-{MONTH}|-Q[1-4]|-H[12])?$"},
   {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}]}
hs_schema = {"type": "string", "pattern": f"^([0-9]{{2}}|[0-9]{{4}}|[0-9]{{6}}|[0-9]{{8}}|[0-9]{{10}}|[0-9]{{4}}\\.[0-9]{{2}}|[0-9]{{4}}\\.[0-9]{{2}}\\.?[0-9]{{2}}|[0-9]{{4}}\\.[0-9]{{2}}\\.?[0-9]{{4}}|{AGG})$"}
hs_prefix_schema = {"type": "string", "pattern": f"^([0-9]{{2,10}}|[0-9]{{4}}\\.[0-9]{{2,6}}|{AGG})$"}
date_schema = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
PYEAR = "(19[0-9]{2}|2[01][0-9]{2}|2200)"  # price files hold years 1900-2200
price_date = {"anyOf": [{"type": "string", "format": "date", "pattern": f"^{PYEAR}-[0-9]{{2}}-[0-9]{{2}}$"}, {"type": "string", "pattern": f"^{PYEAR}-{MONTH}$"}, {"type": "string", "pattern": f"^{PYEAR}-Q[1-4]$"}]}
ELEMENTS = [("Sc","scandium"),("Y","yttrium"),("La","lanthanum"),("Ce","cerium"),("Pr","praseodymium"),("Nd","neodymium"),("Pm","promethium"),("Sm","samarium"),("Eu","europium"),("Gd","gadolinium"),("Tb","terbium"),("Dy","dysprosium"),("Ho","holmium"),("Er","erbium"),("Tm","thulium"),("Yb","ytterbium"),("Lu","lutetium")]
element_schema = {"type": "string", "enum": [s for s, _ in ELEMENTS] + [n for _, n in ELEMENTS]}
KINDS = ["export_licensing", "prohibition", "entity_listing", "technology_control", "extraterritorial_rule", "tariff", "agreement", "suspension", "licence_decision", "domestic_regulation", "investigation"]
PRODUCTS = ["NdPr oxide", "Nd oxide", "Pr oxide", "Dy oxide", "Tb oxide", "NdPr alloy", "Nd metal", "Pr metal", "Tb metal", "Dy-Fe alloy", "NdFeB blank N38 (Ce)", "NdFeB blank 40M", "NdFeB blank 40H", "NdFeB blank 45SH (Ce)"]
SCENARIOS = sorted(f[:-5] for f in os.listdir(os.path.join(_here, '..', 'Sources', 'MonaziteScenario', 'Resources', 'scenarios')) if f.endswith('.yaml'))

def op(path, method="get"): return doc["paths"][path][method]
def param(path, name, method="get"): return next(p for p in op(path, method).get("parameters", []) if p["name"] == name)
def set_schema(path, name, schema, method="get"): param(path, name, method)["schema"] = json.loads(json.dumps(schema))
for path in ["/api/v1/trade", "/api/v1/trade/summary", "/api/v1/partners", "/api/v1/anomalies"]:
    set_schema(path, "reporter", ref("Country"))
    set_schema(path, "commodity", hs_schema)
for path in ["/api/v1/trade", "/api/v1/anomalies"]: set_schema(path, "partner", ref("Country"))
set_schema("/api/v1/reliance", "country", ref("Country"))
set_schema("/api/v1/imports", "country", ref("Country"), "post")
for path in ["/api/v1/policy/events", "/api/v1/policy/controls"]:
    set_schema(path, "destination", ref("CountryISO"))
    set_schema(path, "element", element_schema)
set_schema("/api/v1/policy/controls", "commodity", hs_prefix_schema)
set_schema("/api/v1/policy/events", "kind", {"type": "string", "enum": KINDS})
for name in ["from", "to"]: set_schema("/api/v1/trade", name, period_schema)
for path in ["/api/v1/trade/summary", "/api/v1/partners"]: set_schema(path, "period", period_schema)
for path, name in [("/api/v1/prices", "from"), ("/api/v1/prices", "to")]: set_schema(path, name, price_date)
for path in ["/api/v1/prices", "/api/v1/spreads"]: set_schema(path, "product", {"type": "string", "enum": PRODUCTS})
set_schema("/api/v1/anomalies", "threshold", {"type": "number", "exclusiveMinimum": 0, "maximum": 100})
set_schema("/api/v1/imports", "name", {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[^/]+$"}, "post")
op("/api/v1/briefings/{period}")["parameters"][0]["schema"] = {"type": "string", "pattern": f"^{PYEAR}-{MONTH}$"}
op("/api/v1/briefings/{period}")["parameters"][0]["description"] = "A month YYYY-MM, 1900-01 to 2200-12 (the price section's range)."
offset["schema"]["maximum"] = 1000000
# Every date parameter: YYYY-MM-DD exactly.
for path, item in doc["paths"].items():
    for method, operation in item.items():
        for p in operation.get("parameters", []):
            sch = p["schema"]
            if sch.get("format") == "date": p["schema"] = json.loads(json.dumps(date_schema))
            # An empty value is refused (leave a parameter out to use its default).
            elif sch.get("type") == "string" and not any(k in sch for k in ("enum", "pattern", "format", "minLength")): sch["minLength"] = 1
# The trade series, summary and partners: descriptions say what the schema cannot (a range's order and length).
param("/api/v1/trade", "from")["description"] = "First period, YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn, or a day for its month (default: first stored)."
param("/api/v1/trade", "to")["description"] = "Last period (default: last stored); not before from, and at most 50 years after it (else 400)."
# Bodies.
op("/api/v1/imports", "post")["requestBody"]["content"]["text/csv"]["schema"] = {"type": "string", "minLength": 1, "description": "The file's bytes; an empty body is a 400."}
claims_body = op("/api/v1/claims", "post")["requestBody"]["content"]
claims_body["text/plain"]["schema"] = {"type": "string", "minLength": 1, "description": "At most 524,288 bytes of UTF-8 (else 413)."}
claims_body["application/json"]["schema"]["properties"]["text"] = {"type": "string", "minLength": 1, "description": "At most 524,288 bytes of UTF-8 (else 413)."}
claims_body["application/json"]["schema"]["properties"]["published"] = json.loads(json.dumps(date_schema))
sim = op("/api/v1/simulations", "post")
sim_schema = sim["requestBody"]["content"]["application/json"]["schema"]
sim_schema["properties"]["scenario"] = {"type": "string", "enum": SCENARIOS, "description": "A bundled scenario's name."}
sim_schema["properties"]["scenario_yaml"] = {"type": "string", "minLength": 1, "description": "A scenario file's text (networks: bundled names only); a file that does not validate is a 422."}
sim_schema["properties"]["seed"] = {"type": "integer", "minimum": 0, "maximum": 9223372036854775807}
sim_schema["anyOf"] = [{"required": ["scenario"]}, {"required": ["scenario_yaml"]}]
sim["responses"]["202"]["links"] = {
   "GetSimulation": {"operationId": "simulation", "parameters": {"id": "$response.body#/id"}, "description": "The job's state."},
   "GetSimulationResult": {"operationId": "simulationResult", "parameters": {"id": "$response.body#/id"}, "description": "The job's result once it has succeeded."}}
S["PolicyEvent"]["properties"]["status"]["type"] = ["object", "null"]

import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'MonaziteServer', 'Resources', 'openapi.json')
json.dump(doc, open(out, 'w'), indent=1, sort_keys=False)
print(len(doc["paths"]))
