package cn.zhifa.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import cn.zhifa.document.DocumentService;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.DataFiles;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;

/**
 * The service windows' boards (服务窗口公示, R-DISC-8) as {@code disclosure/windows.yml} describes them: per agency the
 * window, its hours and telephones, its duties, its staff with their posts and the document kinds whose blank forms
 * it hands out. The legal office edits the file; it is read at each use and parsed again only when its text changed,
 * so an edit shows at once on every node. A version that does not parse, or names an agency, a person of another
 * agency or a document kind that does not exist, is refused: logged once with the file and its line (YAML) or item,
 * while the previous version stays shown (on a node started with the broken file: no boards until it is mended).
 */
@Component
class WindowBoards {

	private static final Logger log = LoggerFactory.getLogger(WindowBoards.class);

	/** One window's board. */
	record Board(String agency, String name, String address, String hours, String consultationPhone,
			String complaintPhone, List<String> duties, List<Staff> staff, List<String> samples) {
	}

	/** A person at the window: the user, the post and what the post does. */
	record Staff(String user, String post, String duty) {
	}

	/** The file's refusal: which item, and what is wrong with it. */
	static final class RefusedBoards extends RuntimeException {

		RefusedBoards(String message) {
			super(message);
		}
	}

	/** A version of the file: its text and its boards (none when refused). */
	private record Version(String text, List<Board> boards) {
	}

	private final String file;
	private final AgencyRepository agencies;
	private final OfficerRepository officers;
	private final DocumentService documents;
	private volatile Version shown;
	private volatile String refused;

	WindowBoards(@Value("${zhifa.disclosure.windows:disclosure/windows.yml}") String file, AgencyRepository agencies,
			OfficerRepository officers, DocumentService documents) {
		this.file = file;
		this.agencies = agencies;
		this.officers = officers;
		this.documents = documents;
	}

	/** The boards of the version shown, in the file's order. */
	List<Board> boards() {
		String text = DataFiles.text(file);
		Version current = shown;
		if ((current != null && current.text().equals(text)) || text.equals(refused)) {
			return current == null ? List.of() : current.boards();
		}
		try {
			List<Board> boards = parse(text, agencies::existsById, this::agencyOf, kind -> documents.kindName(kind).isPresent());
			shown = new Version(text, boards);
			refused = null;
			return boards;
		}
		catch (RefusedBoards e) {
			refused = text;
			log.error("{} refused, the previous version stays shown: {}", file, e.getMessage());
			return current == null ? List.of() : current.boards();
		}
	}

	/** The agency's board, if it has one. */
	Optional<Board> of(String agency) {
		return boards().stream().filter(b -> b.agency().equals(agency)).findFirst();
	}

	private Optional<String> agencyOf(String user) {
		return officers.findById(user).map(Officer::getAgencyCode);
	}

	/**
	 * The boards of the file's text, checked against the agencies, people and document kinds that exist.
	 *
	 * @throws RefusedBoards naming the line (YAML) or the item (第几个窗口, its agency, the field) and the rule
	 */
	static List<Board> parse(String text, Predicate<String> agencyExists,
			Function<String, Optional<String>> agencyOfUser, Predicate<String> kindExists) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (MarkedYAMLException e) {
			throw new RefusedBoards("第" + (e.getProblemMark().getLine() + 1) + "行不是有效的 YAML：" + e.getProblem());
		}
		catch (YAMLException e) {
			throw new RefusedBoards("不是有效的 YAML");
		}
		if (!(root instanceof Map<?, ?> map) || !(map.get("windows") instanceof List<?> windows)) {
			throw new RefusedBoards("应有 windows: 列表");
		}
		List<Board> boards = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < windows.size(); i++) {
			String where = "第" + (i + 1) + "个窗口";
			if (!(windows.get(i) instanceof Map<?, ?> w)) {
				throw new RefusedBoards(where + "应是一组“名称: 内容”");
			}
			String agency = required(w, "agency", where);
			where += "（" + agency + "）";
			if (!agencyExists.test(agency)) {
				throw new RefusedBoards(where + "：agency 不是已设置的执法主体");
			}
			if (!seen.add(agency)) {
				throw new RefusedBoards(where + "：同一执法主体只能有一个窗口公示");
			}
			List<Staff> staff = new ArrayList<>();
			List<?> people = list(w, "staff", where);
			for (int p = 0; p < people.size(); p++) {
				String at = where + "的 staff 第" + (p + 1) + "项";
				if (!(people.get(p) instanceof Map<?, ?> s)) {
					throw new RefusedBoards(at + "应有 user、post、duty");
				}
				String user = required(s, "user", at);
				if (!agencyOfUser.apply(user).map(agency::equals).orElse(false)) {
					throw new RefusedBoards(at + "：user “" + user + "” 不是该执法主体的人员");
				}
				staff.add(new Staff(user, required(s, "post", at), required(s, "duty", at)));
			}
			List<String> samples = texts(w, "samples", where);
			for (String kind : samples) {
				if (!kindExists.test(kind)) {
					throw new RefusedBoards(where + "：samples 中的 “" + kind + "” 不是 templates/document-kinds.yml 中的文书种类");
				}
			}
			List<String> duties = texts(w, "duties", where);
			if (duties.isEmpty() || staff.isEmpty()) {
				throw new RefusedBoards(where + "：duties 和 staff 都至少要有一项");
			}
			boards.add(new Board(agency, required(w, "name", where), required(w, "address", where),
					required(w, "hours", where), required(w, "consultationPhone", where), optional(w, "complaintPhone"), duties,
					List.copyOf(staff), samples));
		}
		return List.copyOf(boards);
	}

	private static String required(Map<?, ?> map, String key, String where) {
		String value = optional(map, key);
		if (value == null) {
			throw new RefusedBoards(where + "：缺少 " + key);
		}
		return value;
	}

	private static String optional(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			return null;
		}
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	private static List<?> list(Map<?, ?> map, String key, String where) {
		Object value = map.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new RefusedBoards(where + "：" + key + " 应是列表（每行以“- ”开头）");
		}
		return list;
	}

	private static List<String> texts(Map<?, ?> map, String key, String where) {
		List<String> texts = new ArrayList<>();
		for (Object item : list(map, key, where)) {
			if (item == null || item instanceof Map<?, ?> || item instanceof List<?> || item.toString().isBlank()) {
				throw new RefusedBoards(where + "：" + key + " 的每一项应是一行文字");
			}
			texts.add(item.toString().strip());
		}
		return List.copyOf(texts);
	}
}
