package cn.zhifa.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * Building blocks of the portal's HTML: {@link #esc} for every value that comes from data (decision
 * texts, names, parameters), and the page frame (language, viewport, skip link, landmarks, a small
 * inline style sheet; no JavaScript).
 */
final class Html {

	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final String STYLE = """
			*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;\
			line-height:1.6;color:#1a1a1a;background:#f6f6f4}a{color:#0b4f9c}a:focus,button:focus,input:focus,select:focus\
			{outline:3px solid #f0a500;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;\
			background:#fff;padding:4px 8px}header{background:#9e1b1b;color:#fff;padding:12px 16px}header a{color:#fff}\
			header .site{font-size:1.25rem;font-weight:bold;text-decoration:none}nav ul{list-style:none;margin:8px 0 0;\
			padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}main{max-width:960px;margin:0 auto;padding:16px}\
			h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ccc;\
			padding:6px 8px;text-align:left;vertical-align:top}th{background:#eee}.item{background:#fff;border:1px solid #ddd;\
			padding:12px;margin:0 0 12px}.item h2{font-size:1.1rem;margin:0 0 4px}.meta{color:#555;font-size:.9rem}\
			.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:.85rem;background:#ddd}\
			.withdrawn{background:#9e1b1b;color:#fff}.corrected{background:#0b4f9c;color:#fff}form.search{background:#fff;\
			border:1px solid #ddd;padding:12px;display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:8px}\
			label{display:block;font-size:.9rem}input,select,button{width:100%;padding:6px;font-size:1rem}\
			button{background:#9e1b1b;color:#fff;border:0;cursor:pointer}dl{background:#fff;border:1px solid #ddd;padding:12px}\
			dt{font-weight:bold;margin-top:8px}dd{margin:0 0 4px;white-space:pre-wrap}.pager{display:flex;gap:16px;margin:16px 0}\
			footer{text-align:center;color:#555;font-size:.85rem;padding:24px}.diagram{overflow-x:auto;background:#fff;\
			border:1px solid #ddd;width:calc(100vw - 40px);margin-left:calc(50% - 50vw + 20px)}.diagram svg{display:block;\
			height:auto;margin:0 auto}@media (max-width:600px){th,td{padding:4px;font-size:.9rem}}""";

	private static final String PAGE_1 = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
	private static final String PAGE_2 = " - 行政执法公示平台</title>\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"执法决定公示\" href=\"/public/feed/disclosures.atom\">\n<style>" + STYLE + "</style></head>\n<body><a class=\"skip\" href=\"#main\">跳到主要内容</a>\n<header><a class=\"site\" href=\"/public/\">行政执法公示平台</a>\n<nav aria-label=\"主导航\"><ul>\n<li><a href=\"/public/disclosures\">执法决定公示</a></li>\n<li><a href=\"/public/agencies\">执法主体</a></li>\n<li><a href=\"/public/officers\">执法人员</a></li>\n<li><a href=\"/public/procedures\">执法程序与流程图</a></li>\n<li><a href=\"/public/rules/major-decision-catalogue\">重大执法决定法制审核目录</a></li>\n<li><a href=\"/public/rules/discretion-benchmark\">裁量基准</a></li>\n<li><a href=\"/public/remedies\">救济渠道</a></li>\n<li><a href=\"/public/complaints\">投诉举报</a></li>\n<li><a href=\"/public/windows\">服务窗口</a></li>\n<li><a href=\"/public/guiding-cases\">指导案例</a></li>\n<li><a href=\"/public/statistics\">年度统计</a></li>\n<li><a href=\"/public/annual-statistics\">年度执法统计</a></li>\n<li><a href=\"/public/item-lists\">执法事项清单</a></li>\n<li><a href=\"/public/inspections\">随机抽查</a></li>\n</ul></nav></header>\n<main id=\"main\"><h1>";
	private static final String PAGE_3 = "</h1>\n";
	private static final String PAGE_4 = "\n</main><footer>本平台公开的执法信息已依法对个人隐私、商业秘密作脱敏处理。数据接口：<a href=\"/public/api/disclosures\">JSON</a> ·\n<a href=\"/public/feed/disclosures.atom\">Atom 订阅</a></footer></body></html>\n";

	private Html() {
	}

	/** Escapes text for HTML element content and quoted attribute values. */
	static String esc(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		StringBuilder out = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Escapes and percent-encodes a query parameter value. */
	static String url(String value) {
		return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	static String date(LocalDate d) {
		return d == null ? "" : DATE.format(d);
	}

	static String dateTime(Instant t) {
		return t == null ? "" : DATE_TIME.format(t.atZone(CHINA));
	}

	/** A whole page: {@code body} must already be escaped HTML. */
	static String page(String title, String body) {
		return PAGE_1 + esc(title) + PAGE_2 + esc(title) + PAGE_3 + body + PAGE_4;
	}
}
