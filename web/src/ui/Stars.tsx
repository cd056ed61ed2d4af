interface Props {
  rating: { average?: number | null; count: number };
}

export function Stars({ rating }: Props) {
  if (!rating.count || rating.average == null) return <span className="rating">No reviews yet</span>;
  const average = rating.average.toFixed(1);
  return (
    <span className="rating" aria-label={`Rated ${average} out of 5 from ${rating.count} reviews`}>
      <span aria-hidden="true">★ {average}</span> <span aria-hidden="true">({rating.count})</span>
    </span>
  );
}
