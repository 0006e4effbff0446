package cn.zhifa.document;

import cn.zhifa.platform.CaseVariables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields a template sees: the caller's fields (for the delegate: all process variables) plus
 * <ul>
 * <li>{@code agencyName}, {@code agencyShortName}, {@code agencyAddress}, {@code reconsiderationBody} and
 * {@code litigationCourt} (where the agency's decisions are challenged: organisation data), {@code documentNumber}, {@code documentName}
 * (the kind's Chinese name), {@code today} (China time), {@code issuedAt} (the moment: {@code ${issuedAtTime}}), {@code caseId} if not given;</li>
 * <li>{@code <field>Time} for every date-time field: the moment with hour and minute ({@code 2026年11月20日9时30分});</li>
 * <li>{@code <field>Label} for every field that has a text in {@code labels.yml} (and every yes/no field);</li>
 * <li>{@code <x>Name} for every text field {@code <x>Id}, and {@code <x>ByName} for every text field
 * {@code <x>By}: the officer's full name, or the id itself when it is not an officer's user id
 * ({@code handlerId} officer1 gives {@code handlerName} 李明, {@code registeredBy} gives {@code registeredByName});</li>
 * <li>the kind's derived lists ({@code lists:} in {@code document-kinds.yml}): rows with
 * {@code item}, {@code field} and {@code value} (the field's label).</li>
 * </ul>
 */
final class DocumentFields {

	private static final Logger log = LoggerFactory.getLogger(DocumentFields.class);

	private DocumentFields() {
	}

	/** The agency that issues the document, as documents name it. */
	record Issuer(String name, String shortName, String address, String reconsiderationBody, String litigationCourt) {

		static Issuer of(cn.zhifa.organisation.Agency agency) {
			return new Issuer(agency.getName(), agency.getShortName(), agency.getAddress(), agency.getReconsiderationBody(),
					agency.getLitigationCourt());
		}
	}

	static Map<String, Object> build(DocumentKind kind, String agencyName, String agencyShortName, String caseId,
			String number, LocalDate today, Labels labels, Map<String, Object> given, Function<String, String> personName) {
		return build(kind, new Issuer(agencyName, agencyShortName, null, null, null), caseId, number,
				today.atStartOfDay(FieldFormatter.CHINA).toInstant(), labels, given, personName);
	}

	static Map<String, Object> build(DocumentKind kind, Issuer agency, String caseId, String number, Instant now,
			Labels labels, Map<String, Object> given, Function<String, String> personName) {
		LocalDate today = now.atZone(FieldFormatter.CHINA).toLocalDate();
		Map<String, Object> all = new LinkedHashMap<>(given == null ? Map.of() : given);
		all.put("issuedAt", Date.from(now));
		all.put("agencyName", agency.name());
		all.put("agencyShortName", agency.shortName());
		putIfPresent(all, "agencyAddress", agency.address());
		putIfPresent(all, "reconsiderationBody", agency.reconsiderationBody());
		putIfPresent(all, "litigationCourt", agency.litigationCourt());
		all.put("documentNumber", number);
		all.put("documentName", kind.name());
		all.put("today", today);
		if (caseId != null) {
			all.putIfAbsent(CaseVariables.CASE_ID, caseId);
		}
		FieldFormatter formatter = new FieldFormatter(labels);
		for (Map.Entry<String, Object> field : new ArrayList<>(all.entrySet())) {
			String name = field.getKey();
			String time = FieldFormatter.dateTime(field.getValue());
			if (time != null) {
				all.putIfAbsent(name + "Time", time);
			}
			String label = labels.label(name, field.getValue());
			if (label != null) {
				all.putIfAbsent(name + Labels.SUFFIX, label);
			}
			if (name.endsWith("Id") && name.length() > 2 && field.getValue() instanceof String id && !id.isBlank()) {
				String person = personName.apply(id);
				all.putIfAbsent(name.substring(0, name.length() - 2) + "Name", person != null ? person : id);
			}
			else if (name.endsWith("By") && name.length() > 2 && field.getValue() instanceof String id && !id.isBlank()) {
				String person = personName.apply(id);
				all.putIfAbsent(name + "Name", person != null ? person : id);
			}
		}
		kind.lists().forEach((list, items) -> {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (DocumentKind.ListItem item : items) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("item", item.item());
				row.put("field", item.field());
				if (all.containsKey(item.field())) {
					Object value = all.get(item.field());
					String label = labels.label(item.field(), value);
					row.put("value", label != null ? label : formatter.format(value));
				}
				else {
					log.warn("Field '{}' of list {} in document {} has no value: left empty", item.field(), list, kind.kind());
					row.put("value", "");
				}
				rows.add(row);
			}
			all.putIfAbsent(list, rows);
		});
		return all;
	}

	private static void putIfPresent(Map<String, Object> fields, String name, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(name, value);
		}
	}
}
