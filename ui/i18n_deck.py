"""The deck labels (발표 자료: '슬라이드에 추가', the deck page, presenting and printing), Korean and English,
merged into `ui.i18n`'s table."""
from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "page_deck": ("발표 자료", "Decks"),
    # '슬라이드에 추가' (every page)
    "add_slide": ("슬라이드에 추가", "Add to slides"),
    "add_slide_help": ("지금 화면(쪽과 주소에 담긴 모든 설정)을 발표 자료의 슬라이드로 담습니다",
                       "Keeps this view (the page and every setting in its address) as a slide of a deck"),
    "slide_title": ("슬라이드 제목", "Slide title"),
    "callout": ("강조", "Callout"),
    "callout_none": ("없음", "None"),
    "callout_region": ("지역", "Region"),
    "callout_label": ("값 표시", "Value label"),
    "callout_region_pick": ("강조할 지역 (강조: 지역일 때)", "Region to highlight (callout: region)"),
    "callout_label_placeholder": ("예: 2019 = 50.0%", "e.g. 2019 = 50.0%"),
    "add_to": ("담을 발표 자료", "Add to"),
    "add_to_current": ("작성 중인 발표 자료: {title}", "The deck in progress: {title}"),
    "add_to_new": ("새 발표 자료", "A new deck"),
    "new_deck_title": ("새 발표 자료의 제목 (새 발표 자료일 때)", "The new deck's title (a new deck)"),
    "new_deck_default": ("발표 자료 {date}", "Deck {date}"),
    "add_submit": ("추가", "Add"),
    "added": ("{n}번째 슬라이드로 추가했습니다:", "Added as slide {n} of:"),
    "open_deck": ("발표 자료 열기", "Open the deck"),
    "dropped_keys": ("발표 자료에 담을 수 없는 설정(한글 검색어 등)은 빠졌습니다: {keys}",
                     "Settings a deck cannot hold (such as a typed search) were left out: {keys}"),
    "stale_add": ("다른 곳에서 먼저 저장했습니다. 다시 읽어 한 번 더 추가하려 했지만 또 먼저 저장되어 "
                  "추가하지 못했습니다. 잠시 뒤 다시 누르세요.",
                  "Someone saved this deck first. It was read again and the slide added once more, but another "
                  "save came first again: nothing was added. Try again in a moment."),
    "deck_error": ("발표 자료를 저장하지 못했습니다:", "Could not save the deck:"),
}

LABELS.update({
    "deck_stale": ("다른 곳에서 먼저 저장했습니다 (지금 버전 {version}, {time} UTC). 저장된 발표 자료를 다시 보여 "
                   "드립니다: 방금 한 변경은 저장되지 않았으니 필요하면 다시 하세요.",
                   "Someone saved this deck first (now version {version}, {time} UTC). The deck as stored is shown "
                   "again: your last change was not saved; make it again if you still want it."),
    "deck_saved": ("저장했습니다.", "Saved."),
    "deck_not_found": ("이 주소의 발표 자료를 열 수 없습니다:", "The deck of this address cannot be opened:"),
})

LABELS.update({
    # the list of decks
    "deck_list_intro": ("발표 자료는 이 서버에 저장됩니다. 각 화면의 「슬라이드에 추가」로 화면을 담고, "
                        "여기서 순서를 바꾸고 표지·핵심 수치·나란히 보기를 더해 발표하거나 PDF로 저장합니다.",
                        "Decks are kept on this server. Add views with 'Add to slides' on any page, then reorder "
                        "them here, add a cover, headline numbers and side-by-side views, and present or save a PDF."),
    "deck_new": ("새 발표 자료", "New deck"),
    "deck_none": ("아직 발표 자료가 없습니다.", "No decks yet."),
    "deck_row": ("슬라이드 {n}장 · 저장 {time} UTC", "{n} slides · saved {time} UTC"),
    "deck_import_new": ("파일에서 새 발표 자료 만들기 (JSON)", "New deck from a file (JSON)"),
    "deck_import_file": ("발표 자료 파일 (.json, 「JSON 내보내기」로 받은 파일)",
                         "Deck file (.json, from 'Export JSON')"),
    "deck_import_bad": ("이 파일은 발표 자료로 읽을 수 없어 아무것도 저장하지 않았습니다:",
                        "This file cannot be read as a deck; nothing was saved:"),
    "deck_imported": ("파일의 발표 자료를 저장했습니다.", "The file's deck was saved."),
    # one deck
    "deck_title": ("발표 자료 제목", "Deck title"),
    "deck_meta": ("슬라이드 {n}장 · 버전 {version} · 저장 {time} UTC",
                  "{n} slides · version {version} · saved {time} UTC"),
    "deck_present": ("발표 시작", "Present"),
    "deck_present_help": ("화면 전체로 한 장씩: →/← · PageDown/PageUp · 스페이스 · Home/End, B 검은 화면, Esc 돌아오기",
                          "Full screen, one slide at a time: →/← · PageDown/PageUp · space · Home/End, B black screen, "
                          "Esc back"),
    "deck_pdf": ("PDF로 저장", "Save as PDF"),
    "deck_pdf_help": ("새 탭에서 슬라이드마다 A4 가로 한 쪽으로 인쇄합니다 (인쇄 대화상자에서 「PDF로 저장」)",
                      "Opens a new tab that prints one A4 landscape page per slide (choose 'Save as PDF')"),
    "deck_export": ("JSON 내보내기", "Export JSON"),
    "deck_all": ("모든 발표 자료", "All decks"),
    "deck_other_build": ("이 발표 자료에는 다른 자료 빌드({saved})에서 저장한 슬라이드가 있습니다. "
                         "지금 빌드({now})에서 달라진 수치 {n}개:",
                         "This deck has slides saved on another data build ({saved}). {n} figures "
                         "differ on the current build ({now}):"),
    "deck_other_build_same": ("이 발표 자료에는 다른 자료 빌드({saved})에서 저장한 슬라이드가 있지만, "
                              "지금 빌드({now})에서도 수치는 같습니다.",
                              "This deck has slides saved on another data build ({saved}); its figures "
                              "are the same on the current build ({now})."),
    "deck_change_line": ("· 슬라이드 {n} 「{title}」: 저장 {saved} ({y}년) → 지금 {now}",
                         "· slide {n} '{title}': saved {saved} ({y}) → now {now}"),
    "deck_figure_gone": ("이 빌드에 없음", "not in this build"),
    "deck_refresh": ("지금 수치로 바꾸기", "Use the current figures"),
    "deck_refreshed": ("슬라이드의 수치를 지금 빌드의 값으로 바꿨습니다.",
                       "The slides' figures now hold the current build's."),
    "deck_slides": ("슬라이드 ({n})", "Slides ({n})"),
    "deck_no_slides": ("슬라이드가 없습니다. 아래에서 표지나 핵심 수치를 더하거나, 각 화면의 「슬라이드에 추가」를 "
                       "누르세요.",
                       "No slides yet. Add a cover or a headline number below, or 'Add to slides' on any page."),
    "kind_cover": ("표지", "Cover"),
    "kind_headline": ("핵심 수치", "Headline number"),
    "kind_view": ("화면", "View"),
    "kind_pair": ("나란히 보기", "Side by side"),
    "slide_up": ("위로", "Move up"),
    "slide_down": ("아래로", "Move down"),
    "slide_edit": ("편집", "Edit"),
    "slide_delete": ("삭제", "Delete"),
    "slide_save": ("저장", "Save"),
    "slide_added": ("슬라이드를 추가했습니다.", "Slide added."),
    "cover_subtitle": ("부제", "Subtitle"),
    "cover_date": ("날짜", "Date"),
    "cover_speaker": ("발표자", "Speaker"),
    "cover_needs_title": ("표지에는 제목이 있어야 합니다.", "A cover needs a title."),
    "pair_left": ("왼쪽", "Left"),
    "pair_right": ("오른쪽", "Right"),
    "pair_title_placeholder": ("비우면 두 화면의 제목", "Empty: the two views' titles"),
    "deck_import_over": ("파일로 이 발표 자료 바꾸기 (JSON)", "Replace this deck from a file (JSON)"),
    "deck_import_over_note": ("파일 전체를 먼저 검사합니다: 잘못된 파일이면 어느 슬라이드의 어느 항목인지 알려 주고 "
                              "저장된 발표 자료는 그대로 둡니다.",
                              "The whole file is checked first: a bad file gets a message naming the slide and field, "
                              "and the stored deck stays as it is."),
    "deck_add": ("슬라이드 더하기", "Add slides"),
    "deck_add_views": ("화면 슬라이드는 각 화면의 「슬라이드에 추가」로 담습니다 (아래 화면 목록). "
                       "여기서는 표지, 핵심 수치, 두 화면 나란히 보기를 더합니다.",
                       "View slides come from each page's 'Add to slides' (pages below). Here: a cover, a headline "
                       "number, two views side by side."),
    "add_cover": ("표지", "Cover"),
    "add_headline": ("핵심 수치", "Headline number"),
    "add_pair": ("나란히 보기", "Side by side"),
    "add_pair_help": ("화면 슬라이드가 둘 이상 있어야 합니다", "Needs two view slides"),
    "headline_pick": ("수치", "Figure"),
    "headline_custom": ("지역의 지표 최신 값 (아래에서 고르기)", "An indicator's latest value in a region (below)"),
    "headline_indicator": ("지표 (지역의 지표일 때)", "Indicator (for a region's indicator)"),
    "headline_region": ("지역 (지역의 지표일 때)", "Region (for a region's indicator)"),
    "headline_title": ("제목", "Title"),
    "headline_title_placeholder": ("비우면 수치의 이름", "Empty: the figure's name"),
    "headline_no_value": ("이 지역에는 이 지표의 값이 없습니다.", "This indicator has no value in this region."),
    # presenting and printing
    "deck_counter": ("{n} / {total}", "{n} / {total}"),
    "deck_keys_hint": ("→ 다음 · ← 이전 · B 검은 화면 · Esc 나가기", "→ next · ← back · B black · Esc leave"),
    "deck_print_preparing": ("인쇄 준비 중: 화면 {n}/{total}개 그림", "Preparing to print: {n} of {total} views drawn"),
    "deck_print_ready": ("인쇄 준비 완료", "Ready to print"),
    "deck_print_again": ("인쇄", "Print"),
    "deck_empty": ("슬라이드가 없습니다", "No slides"),
    "deck_saved_value": ("저장 때 {value} ({y}년)", "When saved: {value} ({y})"),
    # a view slide's figures on another build (ui.deckviews)
    "deck_fig_value": ("{what}: 저장 때 {saved} → 지금 {now}", "{what}: {saved} when saved → {now} now"),
    "deck_fig_values": ("{what}: {date} 빌드 이후 값이 바뀌었습니다",
                        "{what}: values changed since the build of {date}"),
    "deck_fig_gone": ("{what}: 이 빌드에 없음", "{what}: not in this build"),
    "deck_fig_every_indicator": ("모든 지표", "every indicator"),
    "deck_fig_every_year": ("모든 연도", "every year"),
    "deck_fig_latest": ("최근 연도", "latest year"),
    "deck_view_line": ("· 슬라이드 {n} 「{title}」: {what}", "· slide {n} '{title}': {what}"),
    "deck_slide_changed": ("저장 뒤 달라진 수치 — {what}", "Changed since saved — {what}"),
})
