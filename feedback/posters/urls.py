"""A service point's poster and counter card (included by feedback/urls.py)."""

from django.urls import path

from feedback.posters import views

urlpatterns = [
    path("feedback/<str:code>/poster-a4.pdf", views.poster_a4, name="poster_a4"),
    path("feedback/<str:code>/card-a6.pdf", views.card_a6, name="card_a6"),
]
