package org.qiao.matching.domain.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Deterministic synthetic students and demands (same seed, same data). Skills follow a Zipf
 * popularity (exponent 1.0) over a vocabulary; majors are 6-digit catalogue codes grouped into
 * 4-digit classes and 2-digit disciplines, skewed; cities are skewed with 上海 first; degrees mostly
 * BACHELOR. Sizes are parameters so tests can use a small vocabulary (many ties and overlaps).
 */
final class SyntheticData {

  static final String[] CITIES = {
    "上海", "北京", "深圳", "杭州", "广州", "南京", "苏州", "成都", "武汉", "西安", "合肥", "天津", "重庆", "长沙",
    "宁波", "无锡", "青岛", "厦门", "郑州", "济南", "大连", "沈阳", "福州", "昆明", "南昌", "哈尔滨", "长春", "太原",
    "石家庄", "贵阳"
  };

  private final Random random;
  private final Zipf skillPopularity;
  private final Zipf majorPopularity;
  private final Zipf cityPopularity;
  private final String[] skills;
  private final String[] majors;
  private final double verifiedShare;

  SyntheticData(long seed) {
    this(seed, 5_000, 0.05);
  }

  SyntheticData(long seed, int vocabulary, double verifiedShare) {
    random = new Random(seed);
    this.verifiedShare = verifiedShare;
    skills = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      skills[i] = i % 7 == 0 ? "~skill " + i : "SK" + (10000 + i);
    }
    majors = majorCatalogue();
    skillPopularity = new Zipf(vocabulary, 1.0);
    majorPopularity = new Zipf(majors.length, 0.9);
    cityPopularity = new Zipf(CITIES.length, 1.0);
  }

  /** About 500 codes: 13 disciplines × 7 classes × 6 majors, a few with the T/K suffix. */
  private static String[] majorCatalogue() {
    List<String> codes = new ArrayList<>();
    for (int d = 1; d <= 13; d++) {
      for (int c = 1; c <= 7; c++) {
        for (int m = 1; m <= 6; m++) {
          String code = String.format("%02d%02d%02d", d, c, m);
          codes.add(m == 6 ? code + ((d + c) % 2 == 0 ? "T" : "K") : code);
        }
      }
    }
    return codes.subList(0, 500).toArray(new String[0]);
  }

  String studentId() {
    char[] c = new char[27];
    c[0] = 's';
    for (int i = 1; i < 27; i++) {
      int d = random.nextInt(32);
      c[i] = (char) (d < 26 ? 'a' + d : '2' + (d - 26));
    }
    return new String(c);
  }

  Degree degree() {
    int p = random.nextInt(100);
    return p < 8
        ? Degree.VOCATIONAL
        : p < 20
            ? Degree.ASSOCIATE
            : p < 80 ? Degree.BACHELOR : p < 97 ? Degree.MASTER : Degree.DOCTOR;
  }

  Set<String> studentCities() {
    int p = random.nextInt(100);
    int count = p < 10 ? 0 : p < 85 ? 1 : 2;
    return cities(count);
  }

  private Set<String> cities(int count) {
    Set<String> s = new HashSet<>();
    while (s.size() < count) {
      s.add(CITIES[cityPopularity.next(random)]);
    }
    return s;
  }

  private List<String> distinctSkills(int count) {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    while (s.size() < count) {
      s.add(skills[skillPopularity.next(random)]);
    }
    return new ArrayList<>(s);
  }

  Profile profile() {
    return profile(studentId());
  }

  Profile profile(String id) {
    List<String> held = distinctSkills(10 + random.nextInt(7));
    Set<String> verified = new HashSet<>();
    for (String s : held) {
      if (random.nextDouble() < verifiedShare) {
        verified.add(s);
      }
    }
    return new Profile(
        id,
        "1" + (1000 + random.nextInt(200)),
        random.nextInt(200) == 0 ? null : majors[majorPopularity.next(random)],
        degree(),
        2024 + random.nextInt(5),
        studentCities(),
        new HashSet<>(held),
        verified);
  }

  List<Profile> profiles(int count) {
    List<Profile> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(profile());
    }
    return list;
  }

  DemandCriteria demand() {
    List<String> skills = distinctSkills(12);
    List<String> majorCodes = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      majorCodes.add(majors[majorPopularity.next(random)]);
    }
    int p = random.nextInt(100);
    Degree minimum =
        p < 70 ? Degree.BACHELOR : p < 80 ? null : p < 90 ? Degree.ASSOCIATE : Degree.MASTER;
    Integer year = random.nextInt(100) < 15 ? 2024 + random.nextInt(5) : null;
    return new DemandCriteria(
        skills.subList(0, 4),
        skills.subList(4, 12),
        majorCodes,
        minimum,
        cities(1 + random.nextInt(3)),
        year);
  }

  /** A demand with more varied shapes, for tests: any counts, no majors, no cities, years. */
  DemandCriteria variedDemand() {
    int essentials = random.nextInt(6);
    List<String> skills = distinctSkills(essentials + random.nextInt(9));
    List<String> majorCodes = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      majorCodes.add(
          random.nextInt(10) == 0 ? "08" : majors[majorPopularity.next(random)]); // short: no match
    }
    Degree minimum =
        random.nextInt(4) == 0 ? null : Degree.values()[random.nextInt(Degree.values().length)];
    Integer year = random.nextInt(3) == 0 ? 2023 + random.nextInt(7) : null;
    Set<String> demandCities = cities(random.nextInt(4));
    if (random.nextInt(10) == 0) {
      demandCities.add("拉萨"); // a city no student prefers
    }
    return new DemandCriteria(
        skills.subList(0, essentials),
        skills.subList(essentials, skills.size()),
        majorCodes,
        minimum,
        demandCities,
        year);
  }

  OpenDemand openDemand(boolean varied) {
    return new OpenDemand(
        new UUID(random.nextLong(), random.nextLong()),
        "ENT" + random.nextInt(1000),
        varied ? variedDemand() : demand());
  }

  List<OpenDemand> openDemands(int count, boolean varied) {
    List<OpenDemand> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(openDemand(varied));
    }
    return list;
  }

  Random random() {
    return random;
  }

  /** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^exponent, by binary search. */
  static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, exponent);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
    }

    int next(Random random) {
      double u = random.nextDouble();
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
