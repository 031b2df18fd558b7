#!/usr/bin/env python3
"""Seeds the corpora of the libFuzzer harnesses (scripts/fuzz.sh) from the tests and bundled data.

usage: fuzz_seed.py CORPUS_ROOT

Each harness gets the files of its format (test fixtures, bad files, bundled resources) and the
multi-line string literals of the tests of its module (inline YAML and CSV); the small parsers
(period, hs, country) get the short string literals of the core and ingest tests, one per line.
Existing corpus files are kept: the corpus grows from run to run.
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV_FIXTURES = ["Tests/MonaziteStoreTests/BadFiles", "Tests/MonaziteStoreTests/Fixtures",
                "Tests/MonaziteStoreContractTests/Fixtures", "Tests/MonaziteIngestTests/Fixtures"]
DATASET = "Sources/MonaziteDataset/Resources"

# harness -> (globs of seed files, test folders whose triple-quoted literals are seeds)
SEEDS = {
    "csv": (CSV_FIXTURES + [DATASET, "Sources/MonazitePriceFile/Resources"], ["MonaziteIngestTests", "MonaziteStoreTests"]),
    "observations": (CSV_FIXTURES, ["MonaziteIngestTests", "MonaziteStoreTests"]),
    "comtrade": (CSV_FIXTURES, ["MonaziteIngestTests", "MonaziteStoreTests"]),
    "comtrade-bulk": (CSV_FIXTURES, ["MonaziteIngestTests", "MonaziteStoreTests"]),
    "usgs-salient": ([f"{DATASET}/usgs-*salient*.csv", "Tests/MonaziteStoreTests/BadFiles/usgs-*"], ["MonaziteStoreTests"]),
    "usgs-world": ([f"{DATASET}/usgs-*world*.csv", "Tests/MonaziteStoreTests/Fixtures/mcs-*", "Tests/MonaziteStoreTests/BadFiles/usgs-*"],
                   ["MonaziteStoreTests"]),
    "indicators": ([f"{DATASET}/indicators.csv"], ["MonaziteStoreTests"]),
    "prices": (["Sources/MonazitePriceFile/Resources/ree_prices*.csv"], ["MonazitePricesTests"]),
    "fx": (["Sources/MonazitePriceFile/Resources/fx_rates.csv"], ["MonazitePricesTests"]),
    "yaml": (["Sources/MonaziteScenario/Resources", "Sources/MonazitePolicyFile/Resources"],
             ["MonaziteSimulationTests", "MonazitePolicyTests", "MonaziteAlertsTests"]),
    "scenario": (["Sources/MonaziteScenario/Resources/scenarios"], ["MonaziteSimulationTests"]),
    "network": (["Sources/MonaziteScenario/Resources/networks"], ["MonaziteSimulationTests"]),
    "policy": (["Sources/MonazitePolicyFile/Resources"], ["MonazitePolicyTests", "MonaziteStoreContractTests"]),
    "licences": ([], ["MonazitePolicyTests", "MonaziteStoreContractTests", "MonaziteCLITests"]),
    "alerts": ([], ["MonaziteAlertsTests", "MonaziteCLITests"]),
    "claims": (["Tests/MonaziteClaimsTests/Corpus/*.txt", "Tests/MonaziteClaimsTests/Corpus/*.md",
                "Tests/MonaziteClaimsTests/Corpus/*.html"], ["MonaziteClaimsTests"]),
}
LINE_SEEDS = {  # harness -> test folders whose short "..." literals are seeds, one per line
    "period": ["MonaziteCoreTests", "MonaziteIngestTests", "MonaziteServerTests"],
    "hs": ["MonaziteCoreTests", "MonaziteServerTests"],
    "country": ["MonaziteCoreTests", "MonaziteServerTests"],
}
MAX_SEED = 64 * 1024

TRIPLE = re.compile(r'"""\n(.*?)\n\s*"""', re.S)
SHORT = re.compile(r'"([^"\\\n]{1,40})"')
ESCAPED = re.compile(r'"((?:[^"\\\n]|\\.)*\\n(?:[^"\\\n]|\\.)*)"')  # one-line literals with \n
UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "0": "\0", "'": "'"}


def files(pattern):
    p = ROOT / pattern
    if p.is_dir():
        return sorted(x for x in p.rglob("*") if x.is_file())
    return sorted(ROOT.glob(pattern))


def literals(folder):
    out = []
    for swift in sorted((ROOT / "Tests" / folder).glob("*.swift")):
        for m in TRIPLE.finditer(swift.read_text(encoding="utf-8")):
            body = m.group(1)
            indent = min((len(l) - len(l.lstrip(" ")) for l in body.splitlines() if l.strip()), default=0)
            out.append("\n".join(l[indent:] for l in body.splitlines()).encode("utf-8") + b"\n")
        for m in ESCAPED.finditer(swift.read_text(encoding="utf-8")):
            text = re.sub(r"\\(.)", lambda e: UNESCAPE.get(e.group(1), e.group(0)), m.group(1))
            out.append(text.encode("utf-8"))
    return out


def put(directory, blob):
    if not blob or len(blob) > MAX_SEED:
        return 0
    path = directory / ("seed-" + hashlib.sha1(blob).hexdigest())
    if path.exists():
        return 0
    path.write_bytes(blob)
    return 1


def main():
    corpus = pathlib.Path(sys.argv[1])
    for harness, (patterns, folders) in SEEDS.items():
        d = corpus / harness
        d.mkdir(parents=True, exist_ok=True)
        n = sum(put(d, f.read_bytes()) for p in patterns for f in files(p))
        n += sum(put(d, b) for folder in folders for b in literals(folder))
        print(f"{harness}: {n} new seeds, {len(list(d.iterdir()))} in corpus")
    for harness, folders in LINE_SEEDS.items():
        d = corpus / harness
        d.mkdir(parents=True, exist_ok=True)
        words = set()
        for folder in folders:
            for swift in sorted((ROOT / "Tests" / folder).glob("*.swift")):
                words.update(SHORT.findall(swift.read_text(encoding="utf-8")))
        n = sum(put(d, w.encode("utf-8")) for w in sorted(words))
        print(f"{harness}: {n} new seeds, {len(list(d.iterdir()))} in corpus")


if __name__ == "__main__":
    main()
