package cn.zhifa.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.repository.CrudRepository;

/**
 * A mocked repository of a service test that keeps its rows in a map: what the service saves it finds again by its id,
 * and the test reads the map.
 */
public final class InMemoryRows {

	private InMemoryRows() {
	}

	/** {@code repository}'s {@code findById} and {@code save} work on {@code rows}, keyed by {@code id}. */
	public static <T> void keep(CrudRepository<T, String> repository, Class<T> type, Map<String, T> rows,
			Function<T, String> id) {
		when(repository.findById(anyString())).thenAnswer(i -> Optional.ofNullable(rows.get(i.<String>getArgument(0))));
		when(repository.save(any(type))).thenAnswer(i -> {
			T row = i.getArgument(0);
			rows.put(id.apply(row), row);
			return row;
		});
	}
}
