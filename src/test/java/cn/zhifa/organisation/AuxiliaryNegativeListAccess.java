package cn.zhifa.organisation;

/** Test access to the package-private constructor of {@link AuxiliaryNegativeList}. */
public final class AuxiliaryNegativeListAccess {

	private AuxiliaryNegativeListAccess() {
	}

	public static AuxiliaryNegativeList load(String file) {
		return new AuxiliaryNegativeList(file);
	}
}
