package cn.zhifa.disclosure;

import java.util.List;

/** One page of the public list, newest publication first; {@code hasNext} instead of a costly total count. */
public record DisclosurePage(List<PublicDisclosure> items, int page, int size, boolean hasNext) {
}
