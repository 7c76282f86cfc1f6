package org.qiao.talentdemand.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.domain.Degree;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.Division;
import org.qiao.talentdemand.domain.EmploymentType;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.SkillRequirement;
import org.qiao.talentdemand.service.JobPostingService.Posting;

/**
 * A demand as a schema.org JobPosting in JSON-LD (application/ld+json), the form job boards read:
 * the properties search engines require and recommend for job postings, with Chinese codes where
 * schema.org leaves the code set open (credit code, GB/T 2260, 职业分类大典).
 */
@Schema(
    name = "JobPosting",
    description = "schema.org JobPosting (https://schema.org/JobPosting) in JSON-LD")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobPosting(
    @JsonProperty("@context") @Schema(example = "https://schema.org") String context,
    @JsonProperty("@type") @Schema(example = "JobPosting") String type,
    @JsonProperty("@id") @Schema(description = "The demand's URL") String id,
    @Schema(description = "The demand's id at Qiao") Identifier identifier,
    String title,
    String description,
    @Schema(description = "The day the demand was published (China time)", example = "2027-03-01")
        String datePosted,
    @Schema(
            description = "End of the demand's last day, China time",
            format = "date-time",
            maxLength = 25,
            example = "2027-06-30T23:59:59+08:00")
        String validThrough,
    Organization hiringOrganization,
    Place jobLocation,
    @Schema(enumeration = {"FULL_TIME", "PART_TIME", "INTERN"}) String employmentType,
    CategoryCode occupationalCategory,
    Credential educationRequirements,
    List<String> skills,
    @Schema(description = "Openings not yet filled") int totalJobOpenings,
    MonetaryAmount baseSalary,
    String jobStartDate) {

  static final String CONTEXT = "https://schema.org";

  /** A schema.org PropertyValue: a value in a named code system. */
  @Schema(name = "JobPostingIdentifier")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Identifier(
      @JsonProperty("@type") @Schema(example = "PropertyValue") String type,
      @Schema(example = "统一社会信用代码") String propertyID,
      String value) {
    static Identifier of(String system, String value) {
      return new Identifier("PropertyValue", system, value);
    }
  }

  @Schema(name = "JobPostingOrganization")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Organization(
      @JsonProperty("@type") @Schema(example = "Organization") String type,
      String name,
      @Schema(description = "统一社会信用代码") Identifier identifier) {}

  @Schema(name = "JobPostingPlace")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Place(
      @JsonProperty("@type") @Schema(example = "Place") String type,
      Address address,
      @Schema(description = "GB/T 2260 division code, where the city is known")
          Identifier identifier) {}

  @Schema(name = "JobPostingAddress")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Address(
      @JsonProperty("@type") @Schema(example = "PostalAddress") String type,
      @Schema(example = "上海市") String addressLocality,
      @Schema(example = "上海市") String addressRegion,
      @Schema(example = "CN") String addressCountry) {}

  @Schema(name = "JobPostingCategoryCode")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CategoryCode(
      @JsonProperty("@type") @Schema(example = "CategoryCode") String type,
      @Schema(example = "2-02-10-03") String codeValue,
      @Schema(example = "计算机软件工程技术人员") String name,
      CodeSet inCodeSet) {}

  @Schema(name = "JobPostingCodeSet")
  public record CodeSet(
      @JsonProperty("@type") @Schema(example = "CategoryCodeSet") String type, String name) {}

  @Schema(name = "JobPostingCredential")
  public record Credential(
      @JsonProperty("@type") @Schema(example = "EducationalOccupationalCredential") String type,
      @Schema(
              enumeration = {
                "high school",
                "associate degree",
                "bachelor degree",
                "postgraduate degree",
                "no requirements"
              })
          String credentialCategory) {}

  @Schema(name = "JobPostingSalary")
  public record MonetaryAmount(
      @JsonProperty("@type") @Schema(example = "MonetaryAmount") String type,
      @Schema(example = "CNY") String currency,
      SalaryRange value) {}

  @Schema(name = "JobPostingSalaryRange")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SalaryRange(
      @JsonProperty("@type") @Schema(example = "QuantitativeValue") String type,
      Integer minValue,
      Integer maxValue,
      @Schema(example = "MONTH") String unitText) {}

  /** A paged list of postings (schema.org ItemList); the next page is in the Link header. */
  @Schema(name = "JobPostingList")
  public record ItemList(
      @JsonProperty("@context") @Schema(example = "https://schema.org") String context,
      @JsonProperty("@type") @Schema(example = "ItemList") String type,
      List<ListItem> itemListElement) {

    static ItemList of(List<JobPosting> postings) {
      List<ListItem> items = new java.util.ArrayList<>();
      for (int i = 0; i < postings.size(); i++) {
        items.add(new ListItem("ListItem", i + 1, postings.get(i).withoutContext()));
      }
      return new ItemList(CONTEXT, "ItemList", items);
    }
  }

  @Schema(name = "JobPostingListItem")
  public record ListItem(
      @JsonProperty("@type") @Schema(example = "ListItem") String type,
      int position,
      JobPosting item) {}

  static JobPosting of(Posting p, String url) {
    Demand d = p.demand();
    Enterprise e = p.enterprise();
    return new JobPosting(
        CONTEXT,
        "JobPosting",
        url,
        Identifier.of("Qiao demand", d.id.toString()),
        d.title,
        description(d, p.occupationName()),
        ChinaTime.dayOf(d.publishedAt).toString(),
        d.validThrough.atTime(LocalTime.of(23, 59, 59)).atOffset(ZoneOffset.ofHours(8)).toString(),
        new Organization("Organization", e.name, Identifier.of("统一社会信用代码", e.creditCode)),
        place(d.city),
        employmentType(d.employmentType),
        new CategoryCode(
            "CategoryCode",
            d.occupationCode,
            p.occupationName(),
            new CodeSet("CategoryCodeSet", "中华人民共和国职业分类大典（2022年版）")),
        new Credential("EducationalOccupationalCredential", credential(d.minimumDegree)),
        d.skills.stream().map(SkillRequirement::name).toList(),
        Math.max(0, d.headcount - d.filledCount),
        salary(d.salaryMin, d.salaryMax),
        d.startDate == null ? null : d.startDate.toString());
  }

  JobPosting withoutContext() {
    return new JobPosting(
        null,
        type,
        id,
        identifier,
        title,
        description,
        datePosted,
        validThrough,
        hiringOrganization,
        jobLocation,
        employmentType,
        occupationalCategory,
        educationRequirements,
        skills,
        totalJobOpenings,
        baseSalary,
        jobStartDate);
  }

  /** Search engines require a description; a demand without one is described by its facts. */
  private static String description(Demand d, String occupationName) {
    if (d.description != null && !d.description.isBlank()) {
      return d.description;
    }
    StringBuilder s = new StringBuilder(d.title);
    if (occupationName != null) {
      s.append("（").append(occupationName).append("）");
    }
    if (!d.skills.isEmpty()) {
      s.append("。技能要求：")
          .append(String.join("、", d.skills.stream().map(SkillRequirement::name).toList()));
    }
    return s.append("。").toString();
  }

  private static Place place(String city) {
    var code = Division.codeOfCity(city);
    String region = code.map(Division::province).orElse(null);
    String locality = code.map(Division::city).orElse(city);
    return new Place(
        "Place",
        new Address("PostalAddress", locality, region, "CN"),
        code.map(c -> Identifier.of("GB/T 2260", c)).orElse(null));
  }

  /** schema.org's employment types (as search engines read them). */
  private static String employmentType(EmploymentType t) {
    return switch (t) {
      case FULL_TIME -> "FULL_TIME";
      case PART_TIME -> "PART_TIME";
      case INTERNSHIP -> "INTERN";
    };
  }

  /** The credential categories search engines read; 中职 counts as high school. */
  private static String credential(Degree minimum) {
    if (minimum == null) {
      return "no requirements";
    }
    return switch (minimum) {
      case VOCATIONAL -> "high school";
      case ASSOCIATE -> "associate degree";
      case BACHELOR -> "bachelor degree";
      case MASTER, DOCTOR -> "postgraduate degree";
    };
  }

  private static MonetaryAmount salary(Integer min, Integer max) {
    if (min == null && max == null) {
      return null;
    }
    return new MonetaryAmount(
        "MonetaryAmount", "CNY", new SalaryRange("QuantitativeValue", min, max, "MONTH"));
  }
}
