"""브리핑: a printable brief (A4, at most two pages) of one 시도 or 시군구, or of 수도권 vs 비수도권
(`?region=capital`, the default) — the same figures as 지역 and 개요, 'PDF로 저장' through the browser's print."""
from ui import briefsheet, page, printing
from ui.panels import brief, brief_capital, headlines, region, region_month

ctx = page.open_page("brief", "brief_title")

pick, button = page.controls(ctx).columns([4, 1], vertical_alignment="bottom")
code = brief.pick(ctx, pick)
printing.button(ctx.lang, button)

if code == brief.bv.CAPITAL:
    briefsheet.show(brief_capital.parts(ctx, headlines.cards(ctx.lang)))
else:
    month = region_month.newer(ctx, code)  # 지역's month-end figures newer than the year series
    source = region_month.source_caption(ctx, month) if not month.empty else ""
    briefsheet.show(brief.parts(ctx, code, region.title(ctx, code), region.header(ctx, code), region.table(ctx, code),
                                month, source))
page.slide_end(ctx)
