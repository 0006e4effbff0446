package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.ognl.MapPropertyAccessor;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;

class OgnlReadMethodsTest {

	/** The names read in the conditions, {@code ${…}} and collections of the engine's SQL mappings, from the files. */
	private static TreeSet<String> mappingNames() throws IOException {
		Pattern expression = Pattern.compile("test=\"([^\"]*)\"|\\$\\{([^}]*)}|collection=\"([^\"]*)\"");
		Pattern identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
		TreeSet<String> names = new TreeSet<>();
		Resource[] mappings = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:org/camunda/bpm/engine/impl/mapping/entity/*.xml");
		assertThat(mappings).hasSizeGreaterThan(40);
		for (Resource mapping : mappings) {
			Matcher found = expression.matcher(mapping.getContentAsString(StandardCharsets.UTF_8));
			while (found.find()) {
				String text = found.group(1) != null ? found.group(1) : found.group(2) != null ? found.group(2) : found.group(3);
				Matcher word = identifier.matcher(text);
				while (word.find()) {
					names.add(word.group());
				}
			}
		}
		return names;
	}

	/** Objects of the kinds the engine hands its mappings, with their conditions' branches set. */
	private static List<Object> parameters() {
		TaskQueryImpl query = new TaskQueryImpl();
		query.taskNameLike("%立案%").withoutTenantId().taskCandidateGroupIn(List.of("officer", "head")).or()
			.taskAssignee("officer1").taskCandidateUser("officer1").endOr();
		PermissionCheck permission = new PermissionCheck();
		permission.setResource(Resources.TASK);
		permission.setPermission(Permissions.READ);
		permission.setResourceIdQueryParam("RES.ID_");
		CompositePermissionCheck checks = new CompositePermissionCheck();
		checks.addAtomicCheck(permission);
		AuthorizationCheck authorization = new AuthorizationCheck("officer1", List.of("officer", "agency-A"), checks, false);
		authorization.setAuthorizationCheckEnabled(true);
		TenantCheck tenants = new TenantCheck();
		tenants.setTenantCheckEnabled(true);
		tenants.setAuthTenantIds(List.of("A"));
		List<Object> parameters = new ArrayList<>(List.of(query, authorization, permission, tenants, new TaskEntity(),
				new ExecutionEntity(), new MessageEntity(), new VariableInstanceEntity(), new HistoricTaskInstanceEventEntity(),
				new ListQueryParameterObject(), checks));
		parameters.addAll(query.getQueries());
		return parameters;
	}

	@Test
	void answersEveryNameOfTheEnginesMappingsAsOgnlDoes() throws IOException {
		OgnlReadMethods.install();
		TreeSet<String> names = mappingNames();
		assertThat(names).contains("isOrQueryActive", "isWithoutTenantId", "authCheck", "tenantCheck", "queries");
		int answered = 0;
		// each accessor reads objects of its own: a read may change what the next one answers (a lazy initialisation)
		List<Object> forOgnl = parameters();
		List<Object> forReadMethods = parameters();
		for (int i = 0; i < forOgnl.size(); i++) {
			Class<?> type = forOgnl.get(i).getClass();
			List<String> ognl = answers(type, new ObjectPropertyAccessor(), forOgnl.get(i), names);
			List<String> remembered = answers(type, new OgnlReadMethods(), forReadMethods.get(i), names);
			assertThat(remembered).as("%s", type.getSimpleName()).containsExactlyElementsOf(ognl);
			answered += (int) ognl.stream().filter(answer -> !answer.startsWith("!")).count();
		}
		// the comparison covers real reads, including the two the engine's task queries make at every call
		assertThat(answered).isGreaterThan(200);
		TaskQueryImpl orQuery = (TaskQueryImpl) parameters().stream().filter(p -> p instanceof TaskQueryImpl)
			.map(p -> ((TaskQueryImpl) p).getQueries().get(1)).findFirst().orElseThrow();
		assertThat(OgnlCache.getValue("isOrQueryActive", orQuery)).isEqualTo(true);
		assertThat(OgnlCache.getValue("isWithoutTenantId", orQuery)).isEqualTo(false);
	}

	/** What MyBatis's evaluation answers for each name on this object with this accessor for its class. */
	private static List<String> answers(Class<?> type, PropertyAccessor accessor, Object parameter, TreeSet<String> names) {
		OgnlRuntime.setPropertyAccessor(type, accessor);
		try {
			List<String> answers = new ArrayList<>();
			for (String name : names) {
				try {
					Object value = OgnlCache.getValue(name, parameter);
					answers.add(name + "=" + describe(value));
				}
				catch (RuntimeException refused) {
					answers.add("!" + name + ": " + refused.getClass().getName() + " " + refused.getMessage());
				}
			}
			return answers;
		}
		finally {
			OgnlRuntime.setPropertyAccessor(type, new OgnlReadMethods());
		}
	}

	/** A value as the comparison sees it: simple values as text, collections by size, other objects by class. */
	private static String describe(Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return String.valueOf(value);
		}
		if (value instanceof Collection<?> collection) {
			return value.getClass().getName() + "[" + collection.size() + "]";
		}
		if (value instanceof Map<?, ?> map) {
			return value.getClass().getName() + "{" + map.size() + "}";
		}
		return value.getClass().getName();
	}

	@Test
	void aMethodOfAnotherShapeIsLookedUpOnce() {
		// OGNL itself searches all of the task query's public methods at every read and hands back a new copy
		assertThat(OgnlRuntime.getGetMethod(TaskQueryImpl.class, "isOrQueryActive")).isNull();
		assertThat(OgnlRuntime.getReadMethod(TaskQueryImpl.class, "isOrQueryActive", null))
			.isNotSameAs(OgnlRuntime.getReadMethod(TaskQueryImpl.class, "isOrQueryActive", null));
		assertThat(OgnlReadMethods.readMethod(TaskQueryImpl.class, "isOrQueryActive")).get()
			.isSameAs(OgnlReadMethods.readMethod(TaskQueryImpl.class, "isOrQueryActive").get());
		assertThat(OgnlReadMethods.readMethod(TaskQueryImpl.class, "noSuchProperty")).isEmpty();
	}

	/** A class OGNL has not been asked about before {@link OgnlReadMethods#install()}. */
	public static final class Unseen {
		public boolean isFlag() {
			return true;
		}
	}

	@Test
	void installedForEveryStartForClassesWithoutAnAccessorOfTheirOwn() throws Exception {
		assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
			.contains(OgnlReadMethods.class.getName());
		OgnlReadMethods.install();
		assertThat(OgnlRuntime.getPropertyAccessor(Unseen.class)).isInstanceOf(OgnlReadMethods.class);
		assertThat(OgnlCache.getValue("isFlag", new Unseen())).isEqualTo(true);
		assertThat(OgnlRuntime.getPropertyAccessor(java.util.HashMap.class)).isInstanceOf(MapPropertyAccessor.class);
		assertThat(OgnlCache.getValue("key", Map.of("key", "value"))).isEqualTo("value");
	}
}
