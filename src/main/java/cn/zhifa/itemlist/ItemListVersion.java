package cn.zhifa.itemlist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One published version of an agency's item list: from its effective day it is the list in force, until the next
 * version's effective day. {@code changeNo} is the change that produced it (null for the seed, version 1).
 */
public record ItemListVersion(String agencyCode, int version, LocalDate effectiveOn, Instant publishedAt, String publishedBy,
		String changeNo, String summary) {
}
