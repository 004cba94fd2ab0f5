from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import TemplateView

from taxonomy.models import FieldOfWork


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["fields_of_work"] = FieldOfWork.objects.filter(level=0).only("name", "slug")
        return context


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return render(request, "404.html", {"page_missing": True}, status=404)


def server_error(request):
    # No context processors that might query the database: the error may come from it.
    return render(request, "500.html", status=500, using=None)
