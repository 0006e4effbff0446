package cn.zhifa.itemlist;

/**
 * One entry of an agency's enforcement item list (行政执法事项): its code (= the violation code a case names), name,
 * kind, legal basis (设定依据), the unit that carries it out (实施机构), its responsibilities (责任事项) and the cases of
 * accountability (追责情形).
 */
public record EnforcementItem(String code, String name, String kind, String legalBasis, String responsibleUnit,
		String responsibilities, String accountability) {
}
