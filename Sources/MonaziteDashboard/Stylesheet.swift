/// The dashboard's only stylesheet, inlined in every page (no external assets). Colours keep
/// at least 4.5:1 contrast on white; tables scroll sideways on narrow screens.
enum Stylesheet {
    static let css = """
        :root{--fg:#1b1b1b;--muted:#4d4d4d;--link:#0a4f9c;--bar:#245e9e;--rule:#d0d0d0;--warn:#8a1c12}\
        *{box-sizing:border-box}\
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}\
        header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}\
        header{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 1.5rem;border-bottom:1px solid var(--rule)}\
        .brand{margin:.75rem 0;font-weight:700}.brand span{font-weight:400;color:var(--muted)}\
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.75rem 0;padding:0}\
        a{color:var(--link)}a:focus-visible,[tabindex]:focus-visible{outline:3px solid #c77700;outline-offset:2px}\
        nav a[aria-current]{color:var(--fg);font-weight:700;text-decoration:none}\
        .skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.5rem}\
        h1{font-size:1.6rem;line-height:1.25;margin:1.25rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}\
        footer{margin-top:3rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.875rem}\
        .lead{font-size:1.125rem}.muted,.notes{color:var(--muted)}.notes{font-size:.875rem}\
        .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:1rem;margin:1rem 0}\
        .kpi{border:1px solid var(--rule);border-radius:.5rem;padding:.75rem 1rem}\
        .kpi dt{color:var(--muted);font-size:.875rem}.kpi dd{margin:0}.kpi .big{font-size:2rem;font-weight:700;line-height:1.2}\
        .table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0}\
        table{border-collapse:collapse;font-variant-numeric:tabular-nums}\
        caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem}\
        th,td{padding:.3rem .6rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}\
        thead th{border-bottom:2px solid #767676;white-space:nowrap}\
        th[scope=row]:not(.wide){white-space:nowrap}.wide{min-width:18rem}.num{text-align:right;white-space:nowrap}.missing{color:var(--muted)}\
        .badge{display:inline-block;font-size:.75rem;line-height:1.3;border:1px solid var(--muted);border-radius:.25rem;\
        padding:0 .3rem;color:var(--muted);white-space:nowrap}.badge.warn{border-color:var(--warn);color:var(--warn)}\
        .table-actions{margin:.25rem 0 1rem;font-size:.875rem}\
        form.table-actions{display:block}.table-actions button{background:none;border:0;padding:0;color:var(--link);text-decoration:underline}\
        figure{margin:1rem 0}figcaption{font-size:.875rem;color:var(--muted)}\
        .chart-wrap{overflow-x:auto}svg.chart{width:100%;min-width:36rem;height:auto;max-width:60rem;display:block}\
        .chart text{font-size:11px;fill:#333}.chart .axis{stroke:#767676}.chart .grid{stroke:#e3e3e3}\
        .chart .bar{fill:var(--bar)}.chart .derived,.chart .estimate{stroke:var(--bar);stroke-width:1}\
        .chart .estimate{stroke-dasharray:3 2}.chart text.gap{fill:#595959;font-style:italic}\
        .chart .span{fill:#dce8f5;stroke:var(--bar);stroke-width:1.5;stroke-dasharray:6 3}.chart .span.derived,.chart .span.estimate{fill:#fff}\
        .chart .event{stroke:var(--warn);stroke-width:1.5;stroke-dasharray:4 3}\
        .chart text.event-label{fill:var(--warn)}.chart .label-bg{fill:#fff;fill-opacity:.85}\
        .legend{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;font-size:.875rem}\
        .sw{display:inline-block;width:1em;height:1em;vertical-align:-.15em;margin-right:.3em;border:1px solid var(--bar)}\
        .sw-reported{background:var(--bar)}\
        .sw-derived{background:repeating-linear-gradient(45deg,#245e9e 0px,#245e9e 2px,#dce8f5 2px,#dce8f5 5px)}\
        .sw-span{background:#dce8f5;border-style:dashed}.sw-missing{border-style:dashed;border-color:#767676}.sw-event{border:0;border-left:2px dashed var(--warn)}\
        form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.5rem 0 1rem}\
        label{display:flex;flex-direction:column;font-size:.875rem}\
        input,select,button{font:inherit;padding:.3rem .4rem;border:1px solid #767676;border-radius:.25rem;background:#fff;color:var(--fg)}\
        button{background:var(--link);border-color:var(--link);color:#fff;cursor:pointer}\
        .error{border-left:4px solid var(--warn);padding:.5rem 1rem;background:#fdf3f2}\
        textarea{width:100%;max-width:60rem;font:inherit}.article p{max-width:60rem}\
        mark{padding:0 .15em;border-radius:.2em}mark.verdict-agrees{background:#d9f2dd}mark.verdict-disagrees{background:#f9d6d2}\
        mark.verdict-unverifiable{background:#eee}mark.verdict-out_of_scope{background:transparent;border-bottom:1px dotted #888}\
        @media (max-width:40rem){body{font-size:15px}h1{font-size:1.35rem}.kpi .big{font-size:1.6rem}}
        """
}
